/** The layer rules of docs/architecture.md are enforced by lint; prove the rule fires for each layer. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { findAppRoot } from '../../src/main/core/appRoot';

const eslint = new ESLint({ cwd: findAppRoot() });

async function restrictedIn(filePath: string, code: string): Promise<boolean> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

describe('layer rules', () => {
  const cases: [string, string, boolean][] = [
    ['src/shared/domain/x.ts', "import { readFileSync } from 'node:fs';", true],
    ['src/shared/domain/x.ts', "import { createCore } from '../../main/core/core';", true],
    ['src/shared/contract/x.ts', "import { Button } from 'antd';", true],
    ['src/shared/domain/x.ts', "import { z } from 'zod';", false],
    ['src/main/core/children/x.ts', "import { app } from 'electron';", true],
    ['src/main/core/children/x.ts', "import React from 'react';", true],
    ['src/main/core/children/x.ts', "import { readFileSync } from 'node:fs';", false],
    ['src/main/core/sync/x.ts', "import { createServer } from 'node:http';", true],
    ['src/main/core/sync/x.ts', "import { startHub } from '../../hub/server';", true],
    ['src/main/hub/x.ts', "import { createServer } from 'node:http';", false],
    ['src/main/hub/x.ts', "import { app } from 'electron';", true],
    ['src/main/cli/x.ts', "import { app } from 'electron';", true],
    ['src/renderer/features/x.ts', "import { createCore } from '../../main/core/core';", true],
    ['src/renderer/features/x.ts', "import Database from 'better-sqlite3';", true],
    ['src/renderer/features/x.ts', "import { readFileSync } from 'fs';", true],
    ['src/renderer/features/x.ts', "import { operations } from '../../shared/contract';", false],
    ['src/main/electron/x.ts', "import { Button } from 'antd';", true],
  ];
  for (const [file, code, forbidden] of cases) {
    it(`${forbidden ? 'forbids' : 'allows'} ${code} in ${file}`, async () => {
      expect(await restrictedIn(file, `${code}\nexport {};\n`)).toBe(forbidden);
    });
  }
});
