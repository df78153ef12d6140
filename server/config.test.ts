import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults: local Neo4j on 7687 below ./data, HTTP on 127.0.0.1:4000, demo data on', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ port: 4000, host: '127.0.0.1' });
    expect(config.neo4j).toMatchObject({ mode: 'local', boltPort: 7687 });
    expect(config.neo4j.mode === 'local' && config.neo4j.home.endsWith('/data/neo4j')).toBe(true);
    expect(config.demoData).toBe(true);
  });

  it('uses an external Neo4j when NEO4J_URI is set', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'talent',
    });
    expect(config.neo4j).toEqual({
      mode: 'external',
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'neo4j',
      password: 'secret',
      database: 'talent',
    });
  });

  it('names every wrong variable', () => {
    const attempt = () => loadConfig({ PORT: 'abc', NEO4J_URI: 'http://x', DEMO_DATA: 'maybe' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/NEO4J_URI/);
    expect(attempt).toThrow(/DEMO_DATA/);
  });

  it('waits 10 minutes for the local Neo4j unless NEO4J_START_TIMEOUT says otherwise', () => {
    expect(loadConfig({}).neo4j).toMatchObject({ startTimeoutMs: 600_000 });
    expect(loadConfig({ NEO4J_START_TIMEOUT: '30m' }).neo4j).toMatchObject({
      startTimeoutMs: 1_800_000,
    });
    expect(() => loadConfig({ NEO4J_START_TIMEOUT: 'forever' })).toThrow(/NEO4J_START_TIMEOUT/);
  });

  it('asks for a password with an external Neo4j', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(/NEO4J_PASSWORD/);
  });

  it('reads CORS_ORIGINS as a list of origins, none by default, and refuses a path or a pattern', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(
      loadConfig({ CORS_ORIGINS: 'https://a.example.org, http://localhost:5173' }).corsOrigins,
    ).toEqual(['https://a.example.org', 'http://localhost:5173']);
    for (const bad of ['*', 'https://a.example.org/', 'a.example.org', 'ftp://a.example.org']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS/);
    }
  });

  it('keeps export files 7 days by default (EXPORT_TTL)', () => {
    expect(loadConfig({}).exportTtlMs).toBe(7 * 86_400_000);
    expect(loadConfig({ EXPORT_TTL: '12h' }).exportTtlMs).toBe(12 * 3_600_000);
    expect(() => loadConfig({ EXPORT_TTL: 'soon' })).toThrow(/EXPORT_TTL/);
  });

  it('has e-mail off without SMTP_URL, and asks for MAIL_FROM with it', () => {
    const off = loadConfig({});
    expect(off.mail).toBeNull();
    expect(off.publicUrl).toBe('http://127.0.0.1:4000');
    expect(off.linkSecret).toBeNull();
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example:587' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/);
    const on = loadConfig({
      SMTP_URL: 'smtps://u:p@mail.example:465',
      MAIL_FROM: '招才局 <invite@bureau.example>',
      PUBLIC_URL: 'https://talent.example/',
      RSVP_LINK_SECRET: 'x'.repeat(32),
    });
    expect(on.mail).toEqual({
      smtpUrl: 'smtps://u:p@mail.example:465',
      from: '招才局 <invite@bureau.example>',
      perMinute: 60,
    });
    expect(on.publicUrl).toBe('https://talent.example');
    expect(() => loadConfig({ RSVP_LINK_SECRET: 'short' })).toThrow(/RSVP_LINK_SECRET/);
  });
});
