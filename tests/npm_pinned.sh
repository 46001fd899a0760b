# tests/npm_pinned.sh -- sourced by the tests that need npm packages at test
# time (conformance.sh, thirdparty.sh); they define skip() (exit 77) and
# die() (exit 99) first.
#
# npm_pinned CACHE WORK TIMEOUT NAME@VERSION...
#   makes CACHE/node_modules hold exactly those versions, installing them
#   from the npm registry when one is missing or differs (one npm call for
#   all; --no-save removes what was not asked for). An unreachable registry
#   or a failed install skips the test; the npm log goes to WORK/npm.log.

npm_pinned() {
	_cache=$1 _work=$2 _timeout=$3
	shift 3
	_missing=0
	for _spec in "$@"; do
		_have=$(sed -n 's/^[[:space:]]*"version":[[:space:]]*"\([^"]*\)".*/\1/p' \
			"$_cache/node_modules/${_spec%@*}/package.json" 2>/dev/null | head -n 1)
		[ "$_have" = "${_spec##*@}" ] || _missing=1
	done
	[ $_missing = 1 ] || return 0
	command -v npm > /dev/null 2>&1 || skip "npm not found (Debian package npm): cannot install $*"
	mkdir -p "$_cache" || die "cannot create $_cache"
	# one quick request first: an unreachable registry must not cost
	# minutes of retries, one package after another
	if ! timeout 60 npm ping --cache "$_cache/npm-cache" --fetch-retries=0 --fetch-timeout=20000 \
		--no-update-notifier > "$_work/npm.log" 2>&1; then
		tail -n 3 "$_work/npm.log"
		skip "the npm registry does not answer (no network?): see $_work/npm.log"
	fi
	echo "installing $* into $_cache"
	if ! timeout "$_timeout" npm install --prefix "$_cache" --cache "$_cache/npm-cache" \
		--no-audit --no-fund --no-save --no-package-lock --no-update-notifier \
		--ignore-scripts --fetch-retries=1 --fetch-timeout=60000 \
		"$@" > "$_work/npm.log" 2>&1; then
		tail -n 5 "$_work/npm.log"
		skip "npm install failed (no network or registry?): see $_work/npm.log"
	fi
}
