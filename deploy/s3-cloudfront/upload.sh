#!/bin/sh
# Upload dist/ to S3 with the types and caching the add-in needs, then let CloudFront serve it.
# Usage: BUCKET=my-addin-bucket DISTRIBUTION=E123EXAMPLE sh deploy/s3-cloudfront/upload.sh
# Once per bucket/distribution (see README, "Deploying"): put-bucket-cors with bucket-cors.json, and
# a response headers policy from response-headers-policy.json on the distribution's default behaviour,
# with allowed methods GET, HEAD, OPTIONS.
set -eu
: "${BUCKET:?set BUCKET}"
: "${DISTRIBUTION:?set DISTRIBUTION}"

# One pass per extension, so S3 stores the exact Content-Type (its guesses miss woff2, map and csv).
upload() {
  aws s3 cp dist/ "s3://$BUCKET/" --recursive --exclude '*' --include "*$1" --content-type "$2" --cache-control "$3"
}
upload .html 'text/html; charset=utf-8' no-cache
upload .js 'text/javascript; charset=utf-8' no-cache
upload .mjs 'text/javascript; charset=utf-8' no-cache
upload .css 'text/css; charset=utf-8' no-cache
upload .json 'application/json; charset=utf-8' no-cache
upload .map 'application/json; charset=utf-8' no-cache
upload .xml 'application/xml; charset=utf-8' no-cache
upload .txt 'text/plain; charset=utf-8' no-cache
upload .csv 'text/csv; charset=utf-8' no-cache
upload .md 'text/markdown; charset=utf-8' no-cache
upload .png 'image/png' no-cache
upload .svg 'image/svg+xml' no-cache
upload .ico 'image/x-icon' no-cache
upload .woff2 'font/woff2' no-cache
upload .woff 'font/woff' no-cache

# Pages, manifest and datasets are revalidated (no-cache + ETag), so a new version is seen at once.
aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION" --paths '/*'
