// Machine-readable report: the model as it is (what --json prints too).
import {defineReportRenderer} from './renderer.js'

export default defineReportRenderer({
  name: 'json',
  extensions: ['json'],
  description: 'the report model as JSON',
  render: report => JSON.stringify(report, null, 2),
})
