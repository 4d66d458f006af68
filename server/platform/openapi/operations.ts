import { accountOperations } from '../../accounts/contract.js'
import { authoringOperations } from '../../authoring/contract.js'
import { exportOperations } from '../../exports/contract.js'
import { invitationOperations } from '../../invitations/contract.js'
import { knowledgeOperations } from '../../knowledge/contract.js'
import { publishingOperations } from '../../publishing/contract.js'
import { respondentOperations } from '../../respondent/contract.js'
import { reportOperations } from '../../reports/contract.js'
import { resultOperations } from '../../results/contract.js'
import { referenceOperations } from './contract.js'
import type { ApiOperation } from './operation.js'

// Every endpoint under /api, each described in its feature's contract.ts next to its routes.
// tests/openapi.test.ts compares this list with the app's real routes, so an endpoint added
// without a description fails the tests, and so does a stale entry.
export const apiOperations: readonly ApiOperation[] = [
  ...respondentOperations,
  ...accountOperations,
  ...publishingOperations,
  ...authoringOperations,
  ...resultOperations,
  ...exportOperations,
  ...knowledgeOperations,
  ...reportOperations,
  ...invitationOperations,
  ...referenceOperations,
]
