export function packageReadmes(root: string): string[]
export function markdownFiles(dir: string): string[]
