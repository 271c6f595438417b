import { stop } from './stop.js'

await stop()
