import type { zhCNSession } from './zhCNSession';

/** English: signing in and sync (same keys as zhCNSession). */
export const enSession: typeof zhCNSession = {
  account: {
    intro: '{{hall}}: sign in with your account. The first sign-in needs the network; afterwards the tablet works offline.',
    introNoHall: 'Sign in with your account. The first sign-in needs the network; the tablet then works in the hall the server sends, offline too.',
    username: 'User name',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    signInAgain: 'Sign in again',
    offlineAfter: 'The sign-in is kept on this tablet: patrol on offline; it syncs when the network is back.',
    as: { inspector: 'Inspector: {{name}}', chief: 'Chief: {{name}}', committee: 'Committee: {{name}}', admin: 'Admin: {{name}}', office: 'Office: {{name}}' },
    errors: {
      wrongPassword: 'Wrong user name or password.',
      offline: 'Cannot reach the server. The first sign-in needs the network.',
      rateLimited_one: 'Too many attempts: try again in {{count}} minute.',
      rateLimited_other: 'Too many attempts: try again in {{count}} minutes.',
      notChief: 'This account is not a chief.',
      failed: 'Sign-in failed; try again later.',
    },
  },
  sync: {
    label: 'Sync status',
    now: 'Sync',
    syncing: 'Syncing…',
    pending: 'To sync: {{what}}',
    pendingEvents_one: '{{count}} record',
    pendingEvents_other: '{{count}} records',
    pendingPhotos_one: '{{count}} photo',
    pendingPhotos_other: '{{count}} photos',
    allSynced: 'All synced',
    last: 'Last sync {{time}}',
    never: 'Never synced',
    stale: 'Findings have waited more than a day unsynced: connect and tap Sync.',
    step: { push: 'Sending findings {{done}}/{{total}}', photos: 'Sending photos {{done}}/{{total}} bytes', pull: 'Receiving {{done}}/{{total}}' },
    errors: {
      offline: 'The server cannot be reached; everything is kept on this tablet and syncs when the network is back.',
      timeout: 'The server did not answer in time; retrying soon.',
      'signed-out': 'The sign-in expired or was revoked: sign in again to sync. Nothing recorded here is lost.',
      rejected: 'The server refused some events (kept on this tablet):',
      'rate-limited': 'The server is busy; retrying soon.',
      server: 'The server had a problem; retrying soon.',
      protocol: 'The server answered something this app does not understand; update the app.',
    },
  },
};
