// Every string of the year-end self-assessment screens (re-exported by renderer/messages.ts).
export const MA = {
  workspace: '绩效自评',
};
