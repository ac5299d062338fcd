// Fixed files `sopkit init` writes. They hold no user data, so they are plain text with comments.

export const SOPS_README = `# SOP library

Each document is a Markdown file with YAML front matter, one folder per market:

- \`sops/global/<id>.md\` is a family's baseline (\`markets: [GLOBAL]\`);
- \`sops/<MARKET>/<id>.md\` is a market variant (\`based_on\` names the baseline version it adapts).

Start a document with \`npx sopkit new\` (asks for what it needs) or with flags:

    npx sopkit new sop --title "Refund escalation" --market GLOBAL --channel chatbot --owner cs-ops@example.com
    npx sopkit new --from refund-escalation --market SG

Check the library before you push: \`npx sopkit check\`. This README is not a document: the
config's \`ignore\` skips every README.md.
`

export const CI_WORKFLOW = `# Checks the SOP library on every pull request and push to main.
# Findings appear as annotations on the changed lines of the pull request.
name: sopkit

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      # Pin the version you use, e.g. npx --yes sopkit@0.1.0, or add sopkit to package.json.
      - run: npx --yes sopkit check --format github
`

export const PRE_COMMIT_CONFIG = `# pre-commit (https://pre-commit.com): run \`pre-commit install\` once, then every commit
# that touches a document is checked. Needs Node 20+; add sopkit as a dev dependency
# (npm i -D sopkit) so that npx finds it without a download.
repos:
  - repo: local
    hooks:
      - id: sopkit-check
        name: sopkit check
        entry: npx --no-install sopkit check
        language: system
        files: ^sops/.*\\.md$
`
