// Report paths are relative to the repository root, as GitHub annotations, GitLab Code Quality and
// SARIF upload expect ("a path relative to the root of the repository"); outside git, to the config's folder.
import path from 'node:path'
import {workTreeRoot} from '../core/git.js'
import type {CheckResult} from './engine.js'

/** The folder report paths start from: the git work tree's top, else the config's folder. */
export function reportRoot(configRoot: string): string {
  return workTreeRoot(configRoot) ?? configRoot
}

/** The result with every path relative to `root` instead of the config's folder (the same object when they agree). */
export function relocate(result: CheckResult, configRoot: string, root: string): CheckResult {
  const prefix = path.relative(root, configRoot).split(path.sep).join('/')
  if (prefix === '') return result
  const move = (file: string) => `${prefix}/${file}`
  return {
    ...result,
    files: result.files.map(move),
    findings: result.findings.map(f => ({...f, file: move(f.file)})),
    fixed: result.fixed.map(f => ({...f, file: move(f.file)})),
  }
}
