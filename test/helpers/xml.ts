import {XMLValidator} from 'fast-xml-parser'

/** True when `text` is well-formed XML. fast-xml-parser marks its validator deprecated in favour of a
 * separate package; it still works, and one more dev dependency for a test oracle is not worth it. */
export function isWellFormedXml(text: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  return XMLValidator.validate(text) === true
}
