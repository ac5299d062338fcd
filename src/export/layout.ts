// Playbook layouts are handlebars templates: `templates/export/<name>.hbs` in the repo (the
// config's templates folder) replaces the built-in of the same name. They run in the one
// locked-down engine (core/template-engine), as document templates do.
import {lstatSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {Config} from '../core/config.js'
import {SopkitError, messageOf} from '../core/errors.js'
import {packageFile} from '../core/package-files.js'
import {type Template, compileTemplate} from '../core/template-engine.js'
import {shownPath} from '../core/paths.js'

export type LayoutName = 'playbook.md' | 'playbook.html'

export interface Layout {
  name: LayoutName
  file: string
  source: 'repo' | 'built-in'
  render(view: object): string
}

export function builtinLayoutsDir(): string {
  return packageFile('templates/export/')
}

/** The repo's layout when it has a regular file of that name (never a symlink), else the built-in. */
export function findLayout(config: Config, name: LayoutName): {file: string; source: 'repo' | 'built-in'} {
  const repo = path.resolve(config.root, config.templates, 'export', `${name}.hbs`)
  try {
    if (lstatSync(repo).isFile()) return {file: repo, source: 'repo'}
  } catch {
    // no repo layout: use the built-in
  }
  return {file: path.join(builtinLayoutsDir(), `${name}.hbs`), source: 'built-in'}
}

/**
 * Compile a layout. HTML layouts escape every `{{value}}`; document content arrives already
 * sanitized and goes in with `{{{content}}}`, as a string, never compiled as a template itself.
 */
export function loadLayout(config: Config, name: LayoutName): Layout {
  const {file, source} = findLayout(config, name)
  const template = compile(file, readFileSync(file, 'utf8'), name.endsWith('.html'))
  return {name, file, source, render: view => run(file, template, view)}
}

function compile(file: string, text: string, escape: boolean): Template {
  try {
    return compileTemplate(text, {escape})
  } catch (error) {
    throw invalid(file, error)
  }
}

function run(file: string, template: Template, view: object): string {
  try {
    return template(view)
  } catch (error) {
    throw invalid(file, error)
  }
}

function invalid(file: string, error: unknown): SopkitError {
  return new SopkitError(
    'TEMPLATE_INVALID',
    `layout ${shownPath(file)}: ${messageOf(error).split('\n')[0]}`,
    "fix the layout (start from the built-in one in sopkit's templates/export/), or delete it to use the built-in",
  )
}
