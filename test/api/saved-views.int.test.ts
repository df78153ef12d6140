import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestAccount } from '../helpers/test-accounts.ts';
import { removeTestData, testPrefix } from '../helpers/test-data.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer;
const p = testPrefix('views');
let people: string[] = [];
let owner: TestAccount;
let teammate: TestAccount;
let reader: TestAccount;
let stranger: TestAccount;

const viewFields = `id title notes graph mine ownerName sharedWithTeam sharedWith { email }
  annotations { text nodeIds viewport { zoom x y } } entities { __typename id name } missingIds`;

const save = `mutation ($input: SavedViewInput!) {
  saveView(input: $input) {
    __typename
    ... on MutationSaveViewSuccess { data { ${viewFields} } }
    ... on ValidationError { issues { path message } }
  } }`;

const read = `query ($id: ID!) { savedView(id: $id) { ${viewFields} } }`;
const list = `query ($scope: SavedViewScope) { savedViews(scope: $scope) { id title mine } }`;
const share = `mutation ($id: ID!, $emails: [String!], $team: Boolean) {
  shareSavedView(id: $id, emails: $emails, team: $team) {
    __typename
    ... on MutationShareSavedViewSuccess { data { sharedWithTeam sharedWith { email } } }
    ... on NotFoundError { path }
    ... on ValidationError { issues { path message } }
  } }`;
const unshare = `mutation ($id: ID!, $emails: [String!], $team: Boolean) {
  unshareSavedView(id: $id, emails: $emails, team: $team) {
    __typename ... on MutationUnshareSavedViewSuccess { data { sharedWithTeam } } } }`;
const update = `mutation ($id: ID!, $input: SavedViewPatch!) {
  updateSavedView(id: $id, input: $input) {
    __typename
    ... on MutationUpdateSavedViewSuccess { data { title annotations { text } } }
    ... on ValidationError { issues { path message } }
  } }`;
const remove = `mutation ($id: ID!) { deleteSavedView(id: $id) {
  __typename ... on MutationDeleteSavedViewSuccess { data } ... on NotFoundError { id } } }`;

type View = {
  id: string;
  title: string;
  graph: string;
  mine: boolean;
  sharedWithTeam: boolean;
  sharedWith: { email: string }[];
  annotations: { text: string; nodeIds: string[]; viewport: { zoom: number } | null }[];
  entities: { id: string; name: string }[];
  missingIds: string[];
};

function graphOf(ids: string[]) {
  return JSON.stringify({
    nodes: ids.map((id, i) => ({ id, x: i * 100, y: 50, ...(i === 0 ? { focus: true } : {}) })),
    edges: ids.slice(1).map((id, i) => ({
      id: `e${i}`,
      source: ids[0],
      target: id,
      kind: 'KNOWS',
      label: '认识',
    })),
    style: { layout: 'concentric', hiddenTypes: ['Field'] },
    viewport: { zoom: 1.5, x: 10, y: -20 },
  });
}

async function saveAs(account: TestAccount, title: string, ids = people) {
  const res = await server.gql<{
    saveView: { __typename: string; data?: View; issues?: { path: string[] }[] };
  }>(
    save,
    {
      input: {
        title,
        notes: 'how we reach her',
        graph: graphOf(ids),
        annotations: [
          { text: '先找校友会', nodeIds: [ids[0]] },
          {
            text: 'then the colleague',
            nodeIds: ids.slice(1, 3),
            viewport: { zoom: 2, x: 0, y: 0 },
          },
        ],
      },
    },
    { token: account.token },
  );
  return res;
}

async function readAs(account: TestAccount, id: string) {
  const res = await server.gql<{ savedView: View | null }>(read, { id }, { token: account.token });
  expect(res.errors).toBeUndefined();
  return res.data?.savedView;
}

beforeAll(async () => {
  server = await startTestServer();
  const demo = await server.gql<{ people: { edges: { node: { id: string } }[] } }>(
    '{ people(filter: {}, first: 3) { edges { node { id } } } }',
  );
  people = demo.data!.people.edges.map((e) => e.node.id);
  expect(people).toHaveLength(3);
  const team = await server.gql<{
    createTeam: { data: { id: string } };
  }>(
    `mutation ($input: NewTeamInput!) { createTeam(input: $input) {
       ... on MutationCreateTeamSuccess { data { id } } } }`,
    { input: { name: `${p} bureau`, kind: 'bureau' } },
    { role: 'admin' },
  );
  const teamId = team.data!.createTeam.data.id.replace(/^Team:/, '');
  owner = await server.signIn('staff', { teamId, name: `${p} owner` });
  teammate = await server.signIn('viewer', { teamId });
  reader = await server.signIn('consultant');
  stranger = await server.signIn('staff');
});

afterAll(async () => {
  await removeTestData(server.db, p);
  await server.db.writeTx((tx) =>
    tx.run('MATCH (t:Team) WHERE t.name STARTS WITH $p DETACH DELETE t', { p }),
  );
  await server.close();
});

describe('saved views API', () => {
  it('saves a view with its graph and annotation steps, and gives it back with live entities', async () => {
    const res = await saveAs(owner, `${p} 路径`);
    expect(res.data?.saveView.__typename, JSON.stringify(res)).toBe('MutationSaveViewSuccess');
    const view = res.data!.saveView.data!;
    expect(view.mine).toBe(true);
    expect(view.annotations.map((a) => a.text)).toEqual(['先找校友会', 'then the colleague']);
    expect(view.annotations[1]?.nodeIds).toEqual(people.slice(1, 3));
    expect(view.annotations[1]?.viewport?.zoom).toBe(2);
    expect(JSON.parse(view.graph).style.layout).toBe('concentric');
    expect(view.entities.map((e) => e.id).sort()).toEqual([...people].sort());
    expect(view.missingIds).toEqual([]);

    const mine = await server.gql<{ savedViews: { id: string }[] }>(
      list,
      { scope: 'mine' },
      { token: owner.token },
    );
    expect(mine.data?.savedViews.map((v) => v.id)).toContain(view.id);

    const audit = await server.gql<{ auditLog: { edges: { node: { action: string } }[] } }>(
      'query ($s: String) { auditLog(first: 5, filter: { subject: $s }) { edges { node { action } } } }',
      { s: view.id.replace(/^SavedView:/, '') },
      { role: 'admin' },
    );
    expect(audit.data?.auditLog.edges.map((e) => e.node.action)).toContain('create');
  });

  it('keeps group nodes: their members come back as live entities, and a step may highlight a group', async () => {
    // people[0] drawn as the hub; people[1..2] held in one of its group nodes.
    const [hub, ...members] = people as [string, ...string[]];
    const group = `group:${hub}:Person:city:?`;
    const res = await server.gql<{ saveView: { __typename: string; data?: View } }>(
      save,
      {
        input: {
          title: `${p} 分组`,
          graph: JSON.stringify({
            nodes: [{ id: hub, x: 0, y: 0 }],
            edges: [],
            fanOuts: [
              {
                hub,
                type: 'Person',
                members: members.map((id) => ({
                  id,
                  ties: [{ id: `t-${id}`, source: hub, target: id, kind: 'KNOWS', endYear: 2001 }],
                })),
                groups: [{ key: '?', x: 40, y: 0 }],
              },
            ],
            style: { groupBy: 'city' },
          }),
          annotations: [{ text: 'the group', nodeIds: [hub, group] }],
        },
      },
      { token: owner.token },
    );
    expect(res.data?.saveView.__typename, JSON.stringify(res)).toBe('MutationSaveViewSuccess');
    const view = (await readAs(owner, res.data!.saveView.data!.id))!;
    expect(view.entities.map((e) => e.id).sort()).toEqual([...people].sort());
    expect(view.missingIds).toEqual([]);
    expect(view.annotations[0]?.nodeIds).toEqual([hub, group]);
    expect(JSON.parse(view.graph).fanOuts[0].members).toHaveLength(2);
  });

  it('hides a view from others until it is shared; readers read it but may not edit it', async () => {
    const view = (await saveAs(owner, `${p} private`)).data!.saveView.data!;
    for (const account of [reader, stranger, teammate]) {
      const res = await server.gql<{ savedView: View | null }>(
        read,
        { id: view.id },
        { token: account.token },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.savedView).toBeNull();
      const all = await server.gql<{ savedViews: { id: string }[] }>(
        list,
        {},
        { token: account.token },
      );
      expect(all.data?.savedViews.map((v) => v.id)).not.toContain(view.id);
    }

    const shared = await server.gql<{
      shareSavedView: { __typename: string; data: { sharedWith: { email: string }[] } };
    }>(share, { id: view.id, emails: [reader.email.toUpperCase()] }, { token: owner.token });
    expect(shared.data?.shareSavedView.data.sharedWith).toEqual([{ email: reader.email }]);

    const asReader = await server.gql<{ savedView: View }>(
      read,
      { id: view.id },
      { token: reader.token },
    );
    expect(asReader.data?.savedView.title).toBe(`${p} private`);
    expect(asReader.data?.savedView.mine).toBe(false);
    expect(asReader.data?.savedView.sharedWith).toEqual([]);
    const sharedList = await server.gql<{ savedViews: { id: string }[] }>(
      list,
      { scope: 'shared' },
      { token: reader.token },
    );
    expect(sharedList.data?.savedViews.map((v) => v.id)).toContain(view.id);

    const edit = await server.gql(
      update,
      { id: view.id, input: { title: 'mine now' } },
      { token: reader.token },
    );
    expect(edit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const del = await server.gql(remove, { id: view.id }, { token: reader.token });
    expect(del.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reshare = await server.gql(
      share,
      { id: view.id, emails: [stranger.email] },
      { token: reader.token },
    );
    expect(reshare.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await readAs(stranger, view.id)).toBeNull();

    // The team: the teammate reads it only while it is shared with the team.
    await server.gql(share, { id: view.id, team: true }, { token: owner.token });
    const asTeammate = await server.gql<{ savedView: View }>(
      read,
      { id: view.id },
      { token: teammate.token },
    );
    expect(asTeammate.data?.savedView.sharedWithTeam).toBe(true);
    expect(await readAs(stranger, view.id)).toBeNull();
    await server.gql(
      unshare,
      { id: view.id, team: true, emails: [reader.email] },
      { token: owner.token },
    );
    expect(await readAs(teammate, view.id)).toBeNull();
    expect(await readAs(reader, view.id)).toBeNull();
  });

  it('lets the owner edit the steps and delete the view', async () => {
    const view = (await saveAs(owner, `${p} edit`)).data!.saveView.data!;
    const edited = await server.gql<{
      updateSavedView: { data: { title: string; annotations: { text: string }[] } };
    }>(
      update,
      {
        id: view.id,
        input: { title: `${p} edited`, annotations: [{ text: 'only step', nodeIds: [people[2]] }] },
      },
      { token: owner.token },
    );
    expect(edited.data?.updateSavedView.data).toEqual({
      title: `${p} edited`,
      annotations: [{ text: 'only step' }],
    });
    const gone = await server.gql<{ deleteSavedView: { data: string } }>(
      remove,
      { id: view.id },
      { token: owner.token },
    );
    expect(gone.data?.deleteSavedView.data).toBe(view.id);
    expect(await readAs(owner, view.id)).toBeNull();
  });

  it('refuses bad input with the field and the reason, and writes nothing', async () => {
    const bad = async (input: Record<string, unknown>) => {
      const res = await server.gql<{
        saveView: { __typename: string; issues: { path: string[]; message: string }[] };
      }>(
        save,
        { input: { title: `${p} bad`, graph: graphOf(people), ...input } },
        { token: owner.token },
      );
      expect(res.data?.saveView.__typename, JSON.stringify(res)).toBe('ValidationError');
      return res.data!.saveView.issues;
    };
    expect((await bad({ title: '  ' }))[0]?.path).toEqual(['input', 'title']);
    expect((await bad({ graph: '{not json' }))[0]).toMatchObject({
      path: ['input', 'graph'],
      message: 'must be JSON',
    });
    const wrongId = await bad({
      graph: JSON.stringify({ nodes: [{ id: 'Account:X', x: 0, y: 0 }], edges: [] }),
    });
    expect(wrongId[0]?.path).toEqual(['input', 'graph', 'nodes', '0', 'id']);
    const dangling = await bad({
      graph: JSON.stringify({
        nodes: [{ id: people[0], x: 0, y: 0 }],
        edges: [{ id: 'e', source: people[0], target: people[1], kind: 'KNOWS' }],
      }),
    });
    expect(dangling[0]?.path).toEqual(['input', 'graph', 'edges', '0']);
    const extra = await bad({ graph: JSON.stringify({ nodes: [], edges: [], script: 'x' }) });
    expect(extra[0]?.path).toEqual(['input', 'graph']);
    const step = await bad({ annotations: [{ text: 'x', nodeIds: ['Person:NOTINVIEW'] }] });
    expect(step[0]).toMatchObject({ path: ['input', 'annotations', '0', 'nodeIds', '0'] });
    const count = await server.db.read<{ n: number }>(
      'MATCH (v:SavedView) WHERE v.title = $t RETURN count(v) AS n',
      { t: `${p} bad` },
    );
    expect(count[0]?.n).toBe(0);

    const unknown = await server.gql<{ shareSavedView: { __typename: string; path: string[] } }>(
      share,
      {
        id: (await saveAs(owner, `${p} share`)).data!.saveView.data!.id,
        emails: ['nobody@test.local'],
      },
      { token: owner.token },
    );
    expect(unknown.data?.shareSavedView).toEqual({
      __typename: 'NotFoundError',
      path: ['emails', '0'],
    });
    const anonymous = await server.gql(list, {}, { role: 'anonymous' });
    expect(anonymous.status).toBe(401);
  });

  it('drops entities deleted since the view was saved, and names them', async () => {
    const created = await server.gql<{ createPerson: { data: { id: string } } }>(
      `mutation { createPerson(input: { name: "${p}临时" }) { ... on MutationCreatePersonSuccess { data { id } } } }`,
      {},
      { role: 'staff' },
    );
    const temp = created.data!.createPerson.data.id;
    const view = (await saveAs(owner, `${p} stale`, [people[0]!, temp])).data!.saveView.data!;
    expect(view.missingIds).toEqual([]);
    await server.gql(
      `mutation ($id: ID!) { deleteEntity(id: $id) { __typename } }`,
      { id: temp },
      { role: 'staff' },
    );
    const again = await server.gql<{ savedView: View }>(
      read,
      { id: view.id },
      { token: owner.token },
    );
    expect(again.data?.savedView.missingIds).toEqual([temp]);
    expect(again.data?.savedView.entities.map((e) => e.id)).toEqual([people[0]]);
  });
});
