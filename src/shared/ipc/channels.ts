/** Channel names and the API method → channel map, free of zod so the preload bundle stays tiny. */
export const API_METHODS = {
  info: 'app:info',
  evaluate: 'rules:evaluate',
  evaluateDraft: 'rules:evaluateDraft',
  rulesOverview: 'rules:overview',
  cardState: 'card:state',
  verifyPin: 'card:verifyPin',
  scan: 'ocr:scan',
  discardScans: 'ocr:discard',
  finishCheck: 'check:finish',
  searchChecks: 'log:search',
  exportChecks: 'log:export',
  deletePatient: 'log:deletePatient',
  getSettings: 'settings:get',
  saveSettings: 'settings:save',
  session: 'session:get',
  listStaff: 'staff:list',
  signIn: 'staff:signIn',
  signOut: 'staff:signOut',
  addStaff: 'staff:add',
  getOrcaSettings: 'orca:settings',
  saveOrcaSettings: 'orca:saveSettings',
  handOff: 'orca:handoff',
} as const;

export type ApiMethod = keyof typeof API_METHODS;
export type Channel = (typeof API_METHODS)[ApiMethod];
