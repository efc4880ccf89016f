// Runs axe-core, which must be loaded, on the document and returns the
// violations and the results axe could not decide ("needs review").
async (runOnly) => {
  const r = await axe.run(document, {
    runOnly,
    resultTypes: ['violations', 'incomplete'],
  });
  const results = (list) => list.map((v) => ({
    id: v.id,
    impact: v.impact || '',
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))),
      html: n.html,
      summary: n.failureSummary || '',
    })),
  }));
  return { violations: results(r.violations), incomplete: results(r.incomplete) };
}
