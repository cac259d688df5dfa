import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import cdkJson from '../../cdk.json' with { type: 'json' };
import { addPlatform } from '../../lib/app.ts';
import type { PlatformStack } from '../../lib/platform-stack.ts';
import type { StageName } from '../../lib/stage.ts';

export interface SynthOptions {
  /**
   * Bundle the Lambda code with esbuild as `cdk synth` does. Tests that pin stage differences skip it
   * (the bundles are the same for every stage) through CDK's own `aws:cdk:bundling-stacks` context.
   */
  bundle: boolean;
}

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Removes the assemblies (with their bundles) and fixtures this test file created; call in afterAll. */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh app with the feature flags of cdk.json, writing its assembly to a temporary folder. */
export function testApp(context: Record<string, unknown> = {}, options: SynthOptions = { bundle: false }) {
  const outdir = tempDir('kead-cdk-');
  const app = new App({
    outdir,
    context: { ...cdkJson.context, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }), ...context },
  });
  return { app, outdir };
}

/** Stands in for web/dist: the stack's shape does not depend on the app's files. */
export function webAssetsFixture(): string {
  const dir = tempDir('kead-web-');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="ko"><title>근로지원인 플랫폼</title></html>');
  return dir;
}

export interface SynthesizedPlatform {
  stack: PlatformStack;
  template: Template;
  /** unacknowledged findings of every validation plugin (cdk-nag, CloudFormation validation, annotations) */
  findings: string[];
  /** the cloud assembly folder (templates and staged assets) */
  outdir: string;
}

/** The product's stack for one stage, exactly as bin/app.ts builds it, synthesized once. */
export function synthPlatform(stage: StageName, options: SynthOptions): SynthesizedPlatform {
  const { app, outdir } = testApp({ stage }, options);
  const stack = addPlatform(app, { webAssetPath: webAssetsFixture() });
  const findings = synthFindings(app, outdir);
  const template =
    findings.length === 0
      ? Template.fromStack(stack)
      : Template.fromJSON(JSON.parse(readFileSync(join(outdir, stack.templateFile), 'utf8')));
  return { stack, template, findings, outdir };
}

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

/**
 * Synthesizes the app and returns every violation left in the validation report. Any violation (a
 * cdk-nag warning included) fails the synth, so that failure is expected here and read from the report.
 */
export function synthFindings(app: App, outdir: string): string[] {
  try {
    app.synth();
  } catch (error) {
    if (!/validation ?failed/i.test(String(error))) throw error;
  }
  let report: ValidationReport;
  try {
    report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  } catch {
    throw new Error('No validation-report.json: are the cdk-nag checks attached to the app?');
  }
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations.flatMap((violation) =>
      violation.violatingConstructs.map(
        (construct) =>
          `${plugin.pluginName}: ${violation.severity} ${violation.ruleName} at ${construct.constructPath}`,
      ),
    ),
  );
}

export interface Acknowledgement {
  id: string;
  reason: string;
  path: string;
}

/** Every acknowledgement (suppression) recorded on the constructs of a stack. */
export function acknowledgements(stack: Stack): Acknowledgement[] {
  return stack.node.findAll().flatMap((construct: IConstruct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          id: id.replace(/^annotation::/i, ''),
          reason,
          path: construct.node.path,
        })),
      ),
  );
}

/**
 * What the AwsSolutions pack reports when every acknowledgement is ignored: `ruleId @ constructPath`.
 * Lets a test prove that each acknowledgement still answers a real finding.
 */
export function rawNagFindings(stack: Stack): { ruleId: string; path: string }[] {
  const pack = new AwsSolutionsChecks();
  // cdk-nag consults acknowledgements in this (private) method; bypass it to see the raw findings.
  Object.defineProperty(pack, 'isAcknowledged', { value: () => false });
  return pack.validateScope(stack).violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => ({
      ruleId: violation.ruleName,
      path: resource.constructPath ?? '',
    })),
  );
}

/** The CloudFormation logical id of a construct's resource. */
export function logicalId(construct: IConstruct): string {
  const element = (construct.node.defaultChild ?? construct) as unknown as { logicalId: string; stack: Stack };
  return element.stack.resolve(element.logicalId) as string;
}
