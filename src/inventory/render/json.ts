// Machine-readable ls and coverage: the models as they are (what --json prints too).
import {defineInventoryRenderer} from './renderer.js'

export default defineInventoryRenderer({
  name: 'json',
  extensions: ['json'],
  description: 'the model as JSON',
  ls: inventory => JSON.stringify(inventory, null, 2),
  coverage: coverage => JSON.stringify(coverage, null, 2),
})
