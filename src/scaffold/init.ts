// What `sopkit init` makes: a plan of files (path and text), applied without ever overwriting.
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {CONFIG_FILE_NAMES} from '../core/config.js'
import {initialConfigText} from './config-file.js'
import {CI_WORKFLOW, PRE_COMMIT_CONFIG, SOPS_README} from './init-files.js'
import type {Template} from './templates.js'
import {type WriteAction, writeIfAbsent} from './write.js'

export interface InitFile {
  /** Path relative to the init folder, with forward slashes. */
  file: string
  content: string
}

export interface InitOptions {
  /** Built-in templates to copy into `templatesDir`, when asked to. */
  templates?: readonly Template[]
  /** The templates folder, relative to the init folder. */
  templatesDir?: string
}

/** The files of a docs-as-code repo, in the order they are reported. */
export function planInit(dir: string, options: InitOptions = {}): InitFile[] {
  const files: InitFile[] = []
  const existingConfig = findConfig(dir)
  // Another config name already configures this folder: it is reported as kept, never shadowed.
  files.push(
    existingConfig ? {file: existingConfig, content: ''} : {file: 'sopkit.config.yaml', content: initialConfigText()},
  )
  files.push({file: 'sops/README.md', content: SOPS_README})
  for (const t of options.templates ?? []) {
    files.push({
      file: `${options.templatesDir ?? 'templates'}/${path.basename(t.file)}`.replace(/^\.\//, ''),
      content: readFileSync(t.file, 'utf8'),
    })
  }
  files.push({file: '.github/workflows/sopkit.yml', content: CI_WORKFLOW})
  files.push({file: '.pre-commit-config.yaml', content: PRE_COMMIT_CONFIG})
  return files
}

/** The config file that configures `dir` itself, if any (package.json only with a `sopkit` key). */
export function findConfig(dir: string): string | undefined {
  return CONFIG_FILE_NAMES.find(name => {
    const file = path.join(dir, name)
    if (!existsSync(file)) return false
    if (name !== 'package.json') return true
    try {
      return (JSON.parse(readFileSync(file, 'utf8')) as {sopkit?: unknown}).sopkit !== undefined
    } catch {
      return false
    }
  })
}

export interface InitResult {
  file: string
  action: WriteAction
}

/** Write every planned file that does not exist yet; existing ones are kept as they are. */
export function applyInit(dir: string, files: readonly InitFile[], dryRun = false): InitResult[] {
  return files.map(({file, content}) => {
    const target = path.join(dir, ...file.split('/'))
    if (dryRun) return {file, action: existsSync(target) ? 'kept' : 'created'}
    return {file, action: writeIfAbsent(target, content)}
  })
}
