'use strict';
// Signs and verifies Standard Webhooks messages with the official library (npm package standardwebhooks), so that
// webhook-service's tests can check its signatures against code that is not its own (StandardWebhooksLibrary).
//
// Reads a JSON array of requests on stdin and writes a JSON array of answers, one per request, on stdout:
//   {"action": "verify", "secret": "whsec_...", "headers": {"webhook-id": ..., ...}, "payload": "..."}
//     -> {"valid": true} or {"valid": false, "error": "No matching signature found"}
//   {"action": "sign", "secret": "whsec_...", "id": "msg_...", "timestamp": <seconds>, "payload": "..."}
//     -> {"signature": "v1,..."}
// Anything else (a missing library, an unknown action) ends with a non-zero exit code and the reason on stderr.
const { Webhook, WebhookVerificationError } = require('standardwebhooks');

function answer(request) {
  const webhook = new Webhook(request.secret);
  switch (request.action) {
    case 'verify':
      try {
        webhook.verify(request.payload, request.headers, { jsonParse: false });
        return { valid: true };
      } catch (error) {
        if (error instanceof WebhookVerificationError) {
          return { valid: false, error: error.message };
        }
        throw error;
      }
    case 'sign':
      return { signature: webhook.sign(request.id, new Date(request.timestamp * 1000), request.payload) };
    default:
      throw new Error(`unknown action: ${request.action}`);
  }
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const answers = JSON.parse(input).map(answer);
  process.stdout.write(JSON.stringify(answers) + '\n');
});
