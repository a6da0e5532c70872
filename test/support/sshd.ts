/** The throw-away OpenSSH server the SSH tests use; it lives with the scripts because `npm run demo:hosts` starts one too. */
export * from '../../scripts/local-sshd.js';
