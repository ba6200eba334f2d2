/** `npm run bench`: every benchmark, each reporting ratios against a baseline measured in the same run. */
import { benchCatalog } from './catalog'

await benchCatalog()
