package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/udenmitid/sitegen/internal/diag"
	"github.com/udenmitid/sitegen/internal/serve"
	"github.com/udenmitid/sitegen/internal/theme"
)

func runServe(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", "[-src dir] [-addr host:port] [-allow-host name,...] [-drafts=false] [-open]", stderr)
	src := fs.String("src", ".", "the site folder, holding sitegen.toml and content/")
	addr := fs.String("addr", "127.0.0.1:1313", "the address to listen on; a non-loopback address exposes the site, drafts included, to the network")
	drafts := fs.Bool("drafts", true, "show pages with draft: true (with a banner)")
	open := fs.Bool("open", false, "open the site in the default browser")
	var allow hostList
	fs.Var(&allow, "allow-host", "also answer requests for host `name`, at any port (a tunnel's, one in /etc/hosts); repeat it or give a comma list. Names other than the address listened on and localhost are refused: a web page could point one at this machine to read the preview")
	if err := parse(fs, args); err != nil {
		return err
	}
	if info, err := os.Stat(*src); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "sitegen serve: %s is not a folder; -src names the site folder, which holds sitegen.toml\n", diag.QuotePath(*src))
		return errUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve.Run(ctx, serve.Options{Src: *src, Addr: *addr, AllowHosts: allow, Drafts: *drafts, Open: *open, Defaults: theme.FS(), Progress: stderr}, stdout)
}

// hostList is the value of -allow-host: names given in several flags,
// each a comma list, checked as they are given.
type hostList []string

func (l *hostList) String() string { return strings.Join(*l, ",") }

func (l *hostList) Set(v string) error {
	for _, name := range strings.Split(v, ",") {
		h, err := serve.ParseAllowHost(name)
		if err != nil {
			return err
		}
		*l = append(*l, h)
	}
	return nil
}
