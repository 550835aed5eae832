#!/usr/bin/env bash
# deploy-aws.sh - deploys the shop functions of functions/template.yaml to AWS Lambda with SAM,
# each with its `live` alias (AutoPublishAlias). Run it by hand, from a machine with AWS
# credentials; it refuses to run in CI. It checks its tools, prints what it will do (account,
# region, stack, functions, parameters, the exact sam command) and asks before changing anything.
# docs/aws.md explains the deployment and how to point the proxy at the functions.
#
#   functions/deploy-aws.sh --stack-name strangler-shop --region eu-west-1 \
#     --db-url jdbc:postgresql://shop-db.internal:5432/shop --db-user shop   # DB_PASSWORD from the env
#   functions/deploy-aws.sh --guided          # sam deploy --guided: asks for every value itself
#   functions/deploy-aws.sh ... --dry-run     # check and print the plan; call nothing on AWS
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TEMPLATE=functions/template.yaml
VERSION=0.1.0-SNAPSHOT
JAR=functions/shop-functions/target/shop-functions-$VERSION.jar
ALIAS=live

usage() {
  cat <<EOF
Usage: functions/deploy-aws.sh --stack-name NAME --region REGION --db-url JDBC_URL [options]
       functions/deploy-aws.sh --guided [--region REGION] [--profile NAME]

Deploys the functions of $TEMPLATE (SAM, no sam build: the shaded jar is the package),
each published as a new version behind the alias '$ALIAS' when its code or settings changed.

  --stack-name NAME   CloudFormation stack name, e.g. strangler-shop
  --region REGION     the functions' region (default: \$AWS_REGION); the proxy must use the same
  --db-url URL        template parameter DbUrl: JDBC URL of the monolith's database, as the
                      functions reach it (e.g. jdbc:postgresql://host:5432/shop)
  --db-user USER      template parameter DbUser (default: sa)
                      DbPassword is read from the environment variable DB_PASSWORD, never from
                      the command line (empty when unset)
  --profile NAME      AWS CLI profile (default: \$AWS_PROFILE, else the default credentials)
  --guided            run 'sam deploy --guided' instead: SAM asks for every value and can save
                      them in functions/samconfig.toml
  --dry-run           check the tools and print the plan and the commands; call nothing on AWS
  --yes               do not ask before deploying, and let SAM execute its change set unasked
  -h, --help          this text
EOF
}

log() { printf '[deploy-aws] %s\n' "$*" >&2; }
die() {
  printf '[deploy-aws] ERROR: %s\n' "$*" >&2
  exit 1
}

# A deployment changes a shared AWS account: a person runs it, never a pipeline of this project.
for var in CI CONTINUOUS_INTEGRATION JENKINS_URL GITHUB_ACTIONS GITLAB_CI CODEBUILD_BUILD_ID; do
  if [[ -n ${!var:-} ]]; then
    die "refusing to run in CI (\$$var is set): deploy to AWS by hand, see docs/aws.md"
  fi
done

STACK=""
REGION=${AWS_REGION:-${AWS_DEFAULT_REGION:-}}
DB_URL=""
DB_USER=sa
PROFILE=${AWS_PROFILE:-}
GUIDED=0
DRY_RUN=0
YES=0
while (($#)); do
  case $1 in
    --stack-name) STACK=${2:-}; shift 2 || die "--stack-name needs a value" ;;
    --region) REGION=${2:-}; shift 2 || die "--region needs a value" ;;
    --db-url) DB_URL=${2:-}; shift 2 || die "--db-url needs a value" ;;
    --db-user) DB_USER=${2:-}; shift 2 || die "--db-user needs a value" ;;
    --profile) PROFILE=${2:-}; shift 2 || die "--profile needs a value" ;;
    --guided) GUIDED=1; shift ;;
    --dry-run) DRY_RUN=1; shift ;;
    --yes) YES=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

if ((!GUIDED)); then
  [[ -n $STACK ]] || { usage >&2; die "--stack-name is required (or use --guided)"; }
  [[ $STACK =~ ^[A-Za-z][A-Za-z0-9-]{0,127}$ ]] || die "invalid stack name: '$STACK'"
  [[ -n $REGION ]] || die "no region: give --region or set AWS_REGION"
  [[ -n $DB_URL ]] || die "--db-url is required: the JDBC URL the functions use to reach the monolith's database"
  [[ $DB_URL == jdbc:* ]] || die "--db-url must be a JDBC URL (jdbc:postgresql://... or jdbc:h2:tcp://...), was '$DB_URL'"
fi
[[ -z $REGION || $REGION =~ ^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$ ]] || die "invalid region: '$REGION'"
# sam's --parameter-overrides separates parameters by spaces and key from value by commas.
for value in "$DB_URL" "$DB_USER" "${DB_PASSWORD:-}"; do
  [[ $value != *[[:space:],]* ]] || die "DbUrl, DbUser and DB_PASSWORD must not contain spaces or commas (use --guided)"
done

# ---- tools --------------------------------------------------------------------------------------
missing=()
command -v sam >/dev/null 2>&1 || missing+=("sam: the AWS SAM CLI, https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/install-sam-cli.html")
command -v aws >/dev/null 2>&1 || missing+=("aws: the AWS CLI v2, https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html")
if ((${#missing[@]})); then
  for tool in "${missing[@]}"; do log "missing $tool"; done
  if ((DRY_RUN)); then
    log "(dry run: going on without them)"
  else
    die "install the missing tools and run again"
  fi
fi

region_args=()
[[ -n $REGION ]] && region_args+=(--region "$REGION")
aws_args=("${region_args[@]}")
[[ -n $PROFILE ]] && aws_args+=(--profile "$PROFILE")

# ---- the deployment package ---------------------------------------------------------------------
cd "$ROOT"
build=(./mvnw -B -q -DskipTests package -pl functions/shop-functions -am)
if [[ ! -f $JAR ]]; then
  if ((DRY_RUN)); then
    log "would build the functions' jar: ${build[*]}"
  else
    log "building the functions' jar: ${build[*]}"
    "${build[@]}"
    [[ -f $JAR ]] || die "the build did not produce $JAR"
  fi
fi

# ---- who and where ------------------------------------------------------------------------------
ACCOUNT="(not asked: dry run)"
CALLER=""
if ((!DRY_RUN)); then
  identity=$(aws sts get-caller-identity "${aws_args[@]}" --query '[Account, Arn]' --output text) ||
    die "no usable AWS credentials (aws sts get-caller-identity failed): configure them (aws configure, AWS_PROFILE, aws sso login) and run again"
  read -r ACCOUNT CALLER <<<"$identity"
fi

functions=$(awk '$1 == "FunctionName:" { print $2 }' "$TEMPLATE")
[[ -n $functions ]] || die "no FunctionName found in $TEMPLATE"

validate_cmd=(sam validate --template-file "$TEMPLATE" "${region_args[@]}" --lint)
sam_cmd=(sam deploy --template-file "$TEMPLATE" "${aws_args[@]}")
if ((GUIDED)); then
  sam_cmd+=(--guided)
  [[ -n $STACK ]] && sam_cmd+=(--stack-name "$STACK")
  shown=("${sam_cmd[@]}")
else
  sam_cmd+=(--stack-name "$STACK" --resolve-s3 --capabilities CAPABILITY_IAM --no-fail-on-empty-changeset)
  if ((YES)); then
    sam_cmd+=(--no-confirm-changeset)
  else
    sam_cmd+=(--confirm-changeset)
  fi
  shown=("${sam_cmd[@]}" --parameter-overrides "ParameterKey=DbUrl,ParameterValue=$DB_URL"
    "ParameterKey=DbUser,ParameterValue=$DB_USER" "ParameterKey=DbPassword,ParameterValue=****")
  sam_cmd+=(--parameter-overrides "ParameterKey=DbUrl,ParameterValue=$DB_URL"
    "ParameterKey=DbUser,ParameterValue=$DB_USER" "ParameterKey=DbPassword,ParameterValue=${DB_PASSWORD:-}")
fi

# ---- the plan -----------------------------------------------------------------------------------
{
  echo
  echo "Deployment plan"
  echo "  AWS account:  $ACCOUNT${CALLER:+ (as $CALLER)}"
  echo "  region:       ${REGION:-(asked by sam --guided)}"
  echo "  stack:        ${STACK:-(asked by sam --guided)}"
  echo "  template:     $TEMPLATE"
  if [[ -f $JAR ]]; then
    echo "  package:      $JAR ($(du -h "$JAR" | cut -f1), sha256 $(sha256sum "$JAR" | cut -c1-16)...)"
  else
    echo "  package:      $JAR (built first)"
  fi
  echo "  functions:    $(echo "$functions" | paste -sd ' ' -), each behind the alias '$ALIAS'"
  if ((!GUIDED)); then
    echo "  parameters:   DbUrl=$DB_URL DbUser=$DB_USER DbPassword=$([[ -n ${DB_PASSWORD:-} ]] && echo '(from DB_PASSWORD)' || echo '(empty)')"
  fi
  echo "  commands:     ${validate_cmd[*]}"
  echo "                ${shown[*]}"
  echo "  effect:       CloudFormation creates or updates the stack: the functions, their execution"
  echo "                roles, a new version of each function whose code or settings changed, and"
  echo "                the alias '$ALIAS' moved to it at once (the template has no DeploymentPreference)."
  echo "                SAM uploads the jar to its managed S3 bucket (--resolve-s3)."
  echo
} >&2

if ((DRY_RUN)); then
  log "dry run: nothing was deployed"
  exit 0
fi
if ((!YES)); then
  [[ -t 0 ]] || die "not a terminal: run it interactively, or pass --yes after reading the plan (--dry-run)"
  read -r -p "Deploy? [y/N] " answer
  [[ $answer == [yY] || $answer == [yY][eE][sS] ]] || die "not deployed"
fi

# ---- deploy -------------------------------------------------------------------------------------
"${validate_cmd[@]}"
"${sam_cmd[@]}"

echo >&2
log "the alias '$ALIAS' of each function now:"
for fn in $functions; do
  aws lambda get-alias "${aws_args[@]}" --function-name "$fn" --name "$ALIAS" \
    --query '[Name, FunctionVersion, RoutingConfig.AdditionalVersionWeights]' --output text |
    sed "s/^/  $fn: /" >&2 || log "  $fn: no alias '$ALIAS' (was the stack deployed?)"
done
cat >&2 <<EOF

Next (docs/aws.md):
  1. Grant the proxy's role lambda:InvokeFunction on the functions and their alias:
       AWS_REGION=$REGION AWS_ACCOUNT_ID=$ACCOUNT envsubst < k8s/iam/lambda-invoke-policy.json
  2. Check that the proxy's credentials may invoke them, without running them:
       aws lambda invoke --invocation-type DryRun --function-name shop-get-products --qualifier $ALIAS${REGION:+ --region $REGION} /dev/null
  3. Start the proxy without strangler.lambda.endpoint, with AWS_REGION=$REGION (or
     strangler.lambda.region), and route rules naming 'qualifier: $ALIAS'.
EOF
