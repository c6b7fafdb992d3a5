// Stand-in for the amazon/aws-cli image where Docker Hub cannot be reached (our CI): answers
// `sts get-caller-identity` as the CLI prints it. The SDK takes the endpoint from AWS_ENDPOINT_URL
// and the credentials and region from the environment, as the CLI does.
const { STSClient, GetCallerIdentityCommand } = require("@aws-sdk/client-sts");

const command = process.argv.slice(2).join(" ");
if (command !== "sts get-caller-identity") {
  console.error(`only "sts get-caller-identity" is supported, not "${command}"`);
  process.exit(2);
}
new STSClient({}).send(new GetCallerIdentityCommand({})).then(
  ({ UserId, Account, Arn }) => console.log(JSON.stringify({ UserId, Account, Arn }, null, 4)),
  (error) => {
    console.error(`${error.name}: ${error.message}`);
    process.exit(254);
  });
