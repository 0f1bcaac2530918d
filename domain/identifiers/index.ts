// Public surface of the identifier validators; normalise.ts helpers stay internal.
export type { IdentifierCheck, IdentifierReason } from './result.js';
export { normaliseEic, checkEic } from './eic.js';
export { checkGsrn18, checkGln13 } from './gs1.js';
export { checkMaloId, checkMeloId } from './malo.js';
export {
  checkCzIco,
  checkSkIco,
  checkCzDic,
  checkSkDic,
  checkSkVatId,
  checkPlNip,
  checkPlVatId,
  checkPlRegon,
  checkRuInn,
  checkRuOgrn,
  checkDeVatId,
} from './company-ids.js';
export { normaliseIban, checkIban } from './iban.js';
export { normaliseBirthNumber, checkBirthNumber } from './birth-number.js';
export {
  checkCompanyIdentifiers,
  type CompanyIdField,
  type CompanyIdentifierInput,
  type CompanyIdentifierProblem,
  type CompanyIdentifierResult,
} from './by-country.js';
