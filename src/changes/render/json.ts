// Machine-readable changes: the model as it is.
import {defineChangesRenderer} from './renderer.js'

export default defineChangesRenderer({
  name: 'json',
  extensions: ['json'],
  description: 'the changes model as JSON',
  render: changes => JSON.stringify(changes, null, 2),
})
