import { tuneGarbageCollector } from './memory.js'
import { run } from './main.js'

tuneGarbageCollector()
await run()
