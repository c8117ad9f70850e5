# Sourced by the docker scripts: what they know about each container platform comes from
# harness/model/container-platforms.json, the one list of them (the harness reads it too).
# node reads it: the scripts need node anyway (the images take a copy of a node binary).

platforms_json="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/harness/model/container-platforms.json"

# One line per platform: TAG ID DEBIAN_SUITE NODE_FROM (tab-separated).
platform_rows() {
  if ! command -v node >/dev/null 2>&1; then
    echo "error: no node on PATH: it reads the platforms from $platforms_json" >&2
    return 2
  fi
  node -e '
    const { platforms } = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const p of platforms) console.log([p.tag, p.id, p.debianSuite, p.nodeFrom].join("\t"));
  ' "$platforms_json"
}

