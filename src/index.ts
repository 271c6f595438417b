import { keepYoungGenerationSmall } from './memory.js'
import { run } from './main.js'

keepYoungGenerationSmall()
await run()
