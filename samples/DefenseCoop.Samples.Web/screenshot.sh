#!/usr/bin/env bash
# Regenerates screenshot.png (shown in this sample's README and the repository's) from the browser test
# that takes it of the release being tested, so that it always shows the current data.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tests="$root/tests/DefenseCoop.Web.Tests"
dotnet test "$tests" --filter "FullyQualifiedName~TheReadmeScreenshot_ShowsTheCurrentRelease"
shot="$(ls -t "$tests"/bin/*/net10.0/screenshots/readme.png | head -n 1)"
cp "$shot" "$here/screenshot.png"
echo "screenshot.png updated from $shot"
