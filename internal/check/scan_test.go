package check

import (
	"slices"
	"testing"
)

// scanSeeds are pages whose tokens and tree differ, or could.
var scanSeeds = []string{
	`<!doctype html><html lang="da"><head><link rel="stylesheet" href="/a.css"><meta http-equiv="refresh" content="0; url=/b/"></head><body><h1 id="t">T</h1><a href="/c/#x" name="n">c</a><img src="i.png"><script src="s.js"></script><form action="/s/"></form></body></html>`,
	`<table><tr><td id="a"><a href="1">x</a></td></tr><a href="2">foster</a></table>`,
	`<td id="dropped">cell outside a table</td><a href="/x">x</a>`,
	`<html id="a"><body><html id="b">`,
	`<head id="h1"></head><body><head id="h2">`,
	`<select><a href="/in-select" id="s">x</a></select>`,
	`<svg><title><a href="/t" id="t">x</a></title><style><a id="u"></style></svg>`,
	`<math><mi><a href="/m"></a></mi></math>`,
	`<image src="/img.png">`,
	`<template><a id="in-template" href="/tpl"></a></template>`,
	`<textarea><a id="no" href="/no"></textarea><title><a id="no2"></title>`,
	`<noscript><a id="ns" href="/ns"></a></noscript><iframe><a id="if"></iframe>`,
	`<plaintext><a id="p">`,
	`<a href="/1"><a href="/2" id="x">nested</a></a><b id="f"><p>misnested</b></p>`,
	`<a href="" id="">empty</a><a href=/u id=x id=y href=/v>dup</a>`,
	`<frameset><frame src="/f"></frameset>`,
	`<!-- <a id="comment"> --><![CDATA[<a id="cd">]]>`,
	`<a id="&amp;&#x41;">entities</a><a href="?a=1&amp;b=2">q</a>`,
	`<table><table></table><td id="x">`,
	`<form action="/a"><form action="/b" id="f2"></form></form><form action="/c"></form>`,
	`<table><form action="/t"></form><tr><td><form action="/u"></form></td></tr></table>`,
	`0<head id="late">`,
	`<a href="/s"><svg viewBox="0 0 24 24" id="icon"><circle cx="10" id="c"/><path d="M1 1"></path></svg>Search</a>`,
	`<svg><g><p id="breakout"><a href="/o"></a></g></svg>`,
	`<svg><path></p><a id="after" href="/after"></svg>`,
	`<svg><![CDATA[<a id="cdata">]]><circle/></svg><a id="out">`,
	`<svg><desc><a id="d" href="/d"></a></desc><foreignObject><div id="fo"></div></foreignObject></svg>`,
	"<a\x00 id=\"nul\" href=\"/n\x00\">x</a>",
}

// FuzzScan holds scanHTML, which reads tokens, to the ids and URLs that
// ParseHTML finds in the tree.
func FuzzScan(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := scanHTML(data, newTable())
		if err != nil {
			t.Skip()
		}
		ids, urls, _, err := treeScan(data)
		if err != nil {
			t.Fatalf("ParseHTML fails where scanHTML does not: %v", err)
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		gotIDs := make([]string, len(got.ids))
		for i, n := range got.ids {
			gotIDs[i] = got.tab.str(n)
		}
		slices.Sort(gotIDs)
		if !slices.Equal(gotIDs, ids) {
			t.Errorf("%q: ids %q, the tree has %q", data, gotIDs, ids)
		}
		for _, id := range ids {
			if !got.hasID(id) {
				t.Errorf("%q: hasID(%q) is false", data, id)
			}
		}
		gotURLs := slices.Sorted(slices.Values(got.urls()))
		slices.Sort(urls)
		urls = slices.Compact(urls)
		if !slices.Equal(gotURLs, urls) {
			t.Errorf("%q: URLs %q, the tree has %q", data, gotURLs, urls)
		}
	})
}

func TestScanOrder(t *testing.T) {
	s, err := scanHTML([]byte(`<a href="/b" id="z"></a><a href="/a" id="y"></a><a href="/b" id="z"></a>`), newTable())
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"/b", "/a"}; !slices.Equal(s.urls(), want) {
		t.Errorf("urls %q, want %q (in order, once each)", s.urls(), want)
	}
	if len(s.ids) != 2 || !s.hasID("y") || !s.hasID("z") || s.hasID("x") {
		t.Errorf("ids %v: want y and z once each", s.ids)
	}
}

// TestScanTokens: a page as sitegen's layouts and goldmark write it,
// tables included, is read from its tokens, not parsed into a tree.
func TestScanTokens(t *testing.T) {
	icon := `<a href="/s"><svg viewBox="0 0 24 24" id="icon"><circle cx="10" id="c"/><path d="M1 1"></path></svg>Search</a>`
	for _, page := range []string{scanSeeds[0], scanSeeds[1], icon, `<p>text</p><table><thead><tr><th id="h">h</th></tr></thead><tbody><tr><td><a href="/x">x</a></td></tr></tbody></table><table><tr><td>2</td></tr></table>`} {
		if _, _, _, ok, err := tokenScan([]byte(page)); !ok || err != nil {
			t.Errorf("%q: read with ParseHTML (err %v), want its tokens", page, err)
		}
	}
}
