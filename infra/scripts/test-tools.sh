# shellcheck shell=bash
# The tools tests run besides the JVM: Node.js, and the npm packages each module locks under src/test/node (today
# webhook-service's: the official Standard Webhooks library, which checks our signatures; e2e's: axe-core, the
# accessibility engine the browser tests run in Chromium). Debian's Chromium and its driver are installed the same
# way (below). ./hearken test installs
# them before Maven runs — node and npm from Debian when missing (as redis-server is), then npm ci in each package
# directory whose node_modules is missing or older than its package.json or package-lock.json — and tells the tests
# (HEARKEN_REQUIRE_TEST_TOOLS=1) that a missing tool is a failure, not a reason to skip. The tests download nothing.
# Sourced by ./hearken (needs common.sh).

# What marks a package directory as installed from its lock, written after a successful npm ci.
TEST_TOOLS_STAMP=node_modules/.hearken-npm-ci

ensure_node() {
  if command -v node >/dev/null && command -v npm >/dev/null; then return 0; fi
  apt_install nodejs npm
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    die "node or npm is missing after installing nodejs and npm"
  fi
}

# Where the browser tests find the browser and its driver (Debian's paths; HEARKEN_CHROMIUM/HEARKEN_CHROMEDRIVER
# point elsewhere).
TEST_CHROMIUM=${HEARKEN_CHROMIUM:-/usr/bin/chromium}
TEST_CHROMEDRIVER=${HEARKEN_CHROMEDRIVER:-/usr/bin/chromedriver}

ensure_browser() {
  local missing=()
  [[ -x $TEST_CHROMIUM ]] || missing+=(chromium)
  [[ -x $TEST_CHROMEDRIVER ]] || missing+=(chromium-driver)
  # Without a CJK font the Japanese and Chinese pages render as boxes, in the screenshots too.
  [[ -n $(fc-list :lang=ja 2>/dev/null) ]] || missing+=(fonts-noto-cjk)
  ((${#missing[@]} == 0)) || apt_install "${missing[@]}"
  if [[ ! -x $TEST_CHROMIUM || ! -x $TEST_CHROMEDRIVER ]]; then
    die "the browser tests need $TEST_CHROMIUM and $TEST_CHROMEDRIVER (apt-get install chromium chromium-driver)"
  fi
  export HEARKEN_CHROMIUM=$TEST_CHROMIUM HEARKEN_CHROMEDRIVER=$TEST_CHROMEDRIVER
}

# The modules' npm package directories: <module>/src/test/node with a package-lock.json.
test_package_dirs() {
  local lock
  for lock in "$ROOT"/*/src/test/node/package-lock.json; do
    [[ -f $lock ]] && dirname "$lock"
  done
  return 0
}

test_packages_current() { # dir -> true when npm ci ran there after the last change of package.json and the lock
  local dir=$1
  [[ -f $dir/$TEST_TOOLS_STAMP && ! $dir/package-lock.json -nt $dir/$TEST_TOOLS_STAMP \
    && ! $dir/package.json -nt $dir/$TEST_TOOLS_STAMP ]]
}

install_test_tools() {
  local dirs=() dir
  ensure_browser
  mapfile -t dirs < <(test_package_dirs)
  if ((${#dirs[@]} == 0)); then
    export HEARKEN_REQUIRE_TEST_TOOLS=1
    return 0
  fi
  ensure_node
  for dir in "${dirs[@]}"; do
    if test_packages_current "$dir"; then continue; fi
    info "npm ci in ${dir#"$ROOT"/} ($(node --version))"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed in $dir"
    touch "$dir/$TEST_TOOLS_STAMP"
  done
  export HEARKEN_REQUIRE_TEST_TOOLS=1
}
