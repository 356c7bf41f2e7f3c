import { registerCommands } from './commands';

describe('registerCommands', () => {
  it('waits for Office before anything else', async () => {
    const calls: string[] = [];
    const office = {
      onReady: () => {
        calls.push('onReady');
        return Promise.resolve({ host: 'Excel', platform: 'PC' });
      },
    } as unknown as Pick<typeof Office, 'onReady'>;
    await registerCommands(office);
    expect(calls).toEqual(['onReady']);
  });

  it('fails when Office never becomes ready (so a broken host is not silent)', async () => {
    const office = { onReady: () => Promise.reject(new Error('no host')) } as unknown as Pick<typeof Office, 'onReady'>;
    await expect(registerCommands(office)).rejects.toThrow('no host');
  });
});
