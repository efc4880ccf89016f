package importer

import (
	"bytes"
	"fmt"
	"os/exec"
	"strconv"
	"strings"

	"github.com/udenmitid/sitegen/internal/history"
)

// A gitLog is what the source's git history says about its files: when
// each last changed, and what it held then. It is read with the git
// command, as package history reads a site's history.
type gitLog struct {
	dir    string // the source folder
	prefix string // its path in the repository, "" or "website/"
	// commits are the commits that changed a file below dir, newest
	// first (git log's order).
	commits []string
	// chains holds, for each file of the work tree by its path from
	// dir, its changes, newest first: a file renamed keeps its chain.
	chains map[string][]change
	dirty  map[string]bool // changed in the work tree since HEAD, or not committed
}

// A change is one commit's change of a file.
type change struct {
	at      int    // the commit's index in gitLog.commits
	name    string // the file's path from the source folder after the commit
	content bool   // its content changed (not only its name)
	added   bool   // the commit added it (or, renamed, its chain begins before)
}

// readGitLog reads the history of the files below dir in the folders
// roots (paths from dir: the folders of the pages), or returns nil when
// git is not installed or dir is not in a git work tree.
func readGitLog(dir string, roots []string) *gitLog {
	if dir == "" {
		return nil
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil
	}
	if out, err := history.Git(dir, nil, "rev-parse", "--is-inside-work-tree"); err != nil || strings.TrimSpace(string(out)) != "true" {
		return nil
	}
	prefix, err := history.Git(dir, nil, "rev-parse", "--show-prefix")
	if err != nil {
		return nil
	}
	g := &gitLog{dir: dir, prefix: strings.TrimSpace(string(prefix)), chains: map[string][]change{}, dirty: map[string]bool{}}
	// -M: a file moved with its text is followed, not added anew. That
	// reads the files' old versions; where a clone lacks some (a
	// partial clone), each move is a file added anew instead.
	args := append([]string{"log", "-M", "--relative", "--format=%x01%H", "--name-status", "-z", "--"}, roots...)
	out, err := history.Git(dir, nil, args...)
	if err != nil {
		args[1] = "--no-renames"
		if out, err = history.Git(dir, nil, args...); err != nil {
			return g // a repository with no commit yet
		}
	}
	// tracked maps a name, going back in time, to the file of the work
	// tree it became.
	tracked := map[string]string{}
	if ls, err := history.Git(dir, nil, append([]string{"ls-files", "-z", "--"}, roots...)...); err == nil {
		for _, p := range strings.Split(string(ls), "\x00") {
			if p != "" {
				tracked[p] = p
			}
		}
	}
	for _, rec := range strings.Split(string(out), "\x01")[1:] {
		hash, rest, _ := strings.Cut(rec, "\x00")
		at := len(g.commits)
		g.commits = append(g.commits, hash)
		fields := strings.Split(strings.TrimPrefix(rest, "\n"), "\x00")
		for i := 0; i < len(fields); i++ {
			status := fields[i]
			if status == "" || i+1 >= len(fields) {
				continue
			}
			switch status[0] {
			case 'R', 'C':
				if i+2 >= len(fields) {
					i = len(fields)
					continue
				}
				from, to := fields[i+1], fields[i+2]
				i += 2
				cur, ok := tracked[to]
				if !ok {
					continue
				}
				score, _ := strconv.Atoi(status[1:])
				g.chains[cur] = append(g.chains[cur], change{at: at, name: to, content: score < 100, added: status[0] == 'C'})
				delete(tracked, to)
				if status[0] == 'R' {
					tracked[from] = cur
				}
			default:
				name := fields[i+1]
				i++
				cur, ok := tracked[name]
				if !ok {
					continue
				}
				switch status[0] {
				case 'D':
					// Deleted here and made again later: the older
					// file at that name is another.
					delete(tracked, name)
				case 'A':
					g.chains[cur] = append(g.chains[cur], change{at: at, name: name, content: true, added: true})
					delete(tracked, name)
				default:
					g.chains[cur] = append(g.chains[cur], change{at: at, name: name, content: true})
				}
			}
		}
	}
	if st, err := history.Git(dir, nil, append([]string{"status", "--porcelain", "-z", "--untracked-files=all", "--"}, roots...)...); err == nil {
		fields := strings.Split(string(st), "\x00")
		for i := 0; i < len(fields); i++ {
			e := fields[i]
			if len(e) < 4 {
				continue
			}
			p := strings.TrimPrefix(e[3:], g.prefix) // porcelain paths are from the repository's root
			g.dirty[p] = true
			if e[0] == 'R' || e[0] == 'C' {
				i++ // the old name follows
			}
		}
	}
	return g
}

// lastChanges returns, for each file of paths (from the source folder),
// the index of the commit that last changed its text: its title or its
// body, as text reads them from a version of the file. A commit that
// changed only other front matter (one that swept through every
// language) is not when a translation was made. The index is -1 when the
// file changed after the last commit (or is not committed). All versions
// are read with one git command.
func (g *gitLog) lastChanges(paths []string, text func(data []byte) string) map[string]int {
	out := map[string]int{}
	changes := map[string][]change{}
	var reqs []gitReq
	for _, p := range paths {
		out[p] = -1
		if g.dirty[p] {
			continue
		}
		for _, c := range g.chains[p] {
			if c.content {
				changes[p] = append(changes[p], c)
				reqs = append(reqs, gitReq{c.at, c.name})
			}
		}
	}
	versions := g.show(reqs)
	for _, p := range paths {
		cs := changes[p]
		vs := versions[:len(cs)]
		versions = versions[len(cs):]
		for i, c := range cs {
			if i+1 == len(cs) || c.added || vs[i] == nil || vs[i+1] == nil || text(vs[i]) != text(vs[i+1]) {
				out[p] = c.at
				break
			}
		}
	}
	return out
}

// nameAt returns the path the file at p (from the source folder) had at
// the commit with index at, and false when it did not exist then.
func (g *gitLog) nameAt(p string, at int) (string, bool) {
	chain := g.chains[p]
	// The newest change at or before the commit names the file then.
	for _, c := range chain {
		if c.at >= at {
			return c.name, true
		}
	}
	if n := len(chain); n > 0 && !chain[n-1].added {
		return chain[n-1].name, true // older than the history goes back
	}
	return "", false
}

// first returns the index of the commit that added the file at p and
// its name then, or false when the history has no change of it.
func (g *gitLog) first(p string) (int, string, bool) {
	chain := g.chains[p]
	if len(chain) == 0 {
		return 0, "", false
	}
	c := chain[len(chain)-1]
	return c.at, c.name, true
}

// show reads files at commits: each request is a commit index and a
// path from the source folder. The answer has the same length, nil
// where git has no such file.
func (g *gitLog) show(reqs []gitReq) [][]byte {
	var in bytes.Buffer
	for _, r := range reqs {
		fmt.Fprintf(&in, "%s:%s%s\n", g.commits[r.at], g.prefix, r.name)
	}
	out := make([][]byte, len(reqs))
	data, err := history.Git(g.dir, in.Bytes(), "cat-file", "--batch")
	if err != nil {
		return out
	}
	for i := range reqs {
		line, rest, ok := bytes.Cut(data, []byte("\n"))
		if !ok {
			break
		}
		data = rest
		f := strings.Fields(string(line))
		if len(f) != 3 {
			continue // "<name> missing"
		}
		size, err := strconv.Atoi(f[2])
		if err != nil || size > len(data) {
			break
		}
		if f[1] == "blob" {
			out[i] = data[:size]
		}
		data = data[min(size+1, len(data)):]
	}
	return out
}

// A gitReq names a file at a commit.
type gitReq struct {
	at   int
	name string
}
