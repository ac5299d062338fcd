// JSON.stringify(value, null, 2) in pieces, for outputs of any size: `import --json` of 100,000
// rows would otherwise hold the whole text, and the buffer written from it, at once.

/** The pieces of `JSON.stringify(value, null, 2)`, in order: the items of a top-level array, or of an array held by a top-level object, one at a time. */
export function* jsonTextPieces(value: unknown): Generator<string> {
  if (Array.isArray(value)) yield* arrayPieces(value, '')
  else if (isPlainObject(value)) yield* objectPieces(value)
  else yield stringify(value) ?? 'undefined'
}

function* objectPieces(value: Record<string, unknown>): Generator<string> {
  let opened = false
  for (const key of Object.keys(value)) {
    const item = value[key]
    const text = Array.isArray(item) ? undefined : stringify(item)
    // What JSON.stringify leaves out of an object: undefined, functions, symbols.
    if (text === undefined && !Array.isArray(item)) continue
    yield `${opened ? ',' : '{'}\n  ${JSON.stringify(key)}: `
    opened = true
    if (text === undefined) yield* arrayPieces(item as unknown[], '  ')
    else yield indented(text, '  ')
  }
  yield opened ? '\n}' : '{}'
}

function* arrayPieces(items: readonly unknown[], indent: string): Generator<string> {
  if (items.length === 0) {
    yield '[]'
    return
  }
  const inner = `${indent}  `
  for (let i = 0; i < items.length; i++) {
    // In an array, what JSON.stringify cannot write is null.
    const text = stringify(items[i]) ?? 'null'
    yield `${i === 0 ? '[' : ','}\n${inner}${indented(text, inner)}`
  }
  yield `\n${indent}]`
}

/** JSON text never holds a raw line break inside a string: every one is layout. */
function indented(text: string, indent: string): string {
  return indent === '' || !text.includes('\n') ? text : text.replaceAll('\n', `\n${indent}`)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || 'toJSON' in value) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** JSON.stringify with the layout of the whole, and the undefined its typing hides (undefined, a function). */
function stringify(value: unknown): string | undefined {
  const text: string | undefined = JSON.stringify(value, null, 2)
  return text
}
