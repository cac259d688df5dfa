import { App } from 'aws-cdk-lib';
import { addPlatform } from '../lib/app.ts';
import { buildWeb } from '../web/build.ts';

// Environment-agnostic on purpose: synth needs no account, region or network lookup. The account and
// region come from the credentials `cdk deploy` runs with.
const app = new App();
addPlatform(app, { webAssetPath: buildWeb() });
app.synth();
