#!/usr/bin/env bash
# Lints every BPMN diagram in bpmn/ with bpmnlint (rules: .bpmnlintrc).
# Exits non-zero when a diagram has an error.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund

shopt -s nullglob
diagrams=(bpmn/*.bpmn)
if [ ${#diagrams[@]} -eq 0 ]; then
	echo "No BPMN diagrams found in bpmn/" >&2
	exit 1
fi
npx --no-install bpmnlint "${diagrams[@]}"
echo "bpmnlint: ${#diagrams[@]} diagram(s) OK"
