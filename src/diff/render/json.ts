// Machine-readable diff: the result model as it is.
import {defineDiffRenderer} from './renderer.js'

export default defineDiffRenderer({
  name: 'json',
  extensions: ['json'],
  description: 'the diff model as JSON',
  render: result => JSON.stringify(result, null, 2),
})
