declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';

  const ext: Ext;
  export default ext;
}

declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';

  const ext: Ext;
  export default ext;
}
