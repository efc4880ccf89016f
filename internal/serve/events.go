package serve

import (
	"encoding/json"
	"sync"

	"github.com/udenmitid/sitegen/internal/diag"
)

// An Event is a Server-Sent Event for the browsers.
type Event struct {
	Name string // reload, css, builderror, ok
	Data string // JSON
}

// A Broker fans events out to the connected browsers.
type Broker struct {
	mu      sync.Mutex
	clients map[chan Event]struct{}
	closed  chan struct{}
}

// NewBroker returns a Broker.
func NewBroker() *Broker {
	return &Broker{clients: map[chan Event]struct{}{}, closed: make(chan struct{})}
}

// Subscribe registers a client. The returned function unregisters it.
func (b *Broker) Subscribe() (<-chan Event, func()) {
	ch := make(chan Event, 16)
	b.mu.Lock()
	b.clients[ch] = struct{}{}
	b.mu.Unlock()
	return ch, func() {
		b.mu.Lock()
		delete(b.clients, ch)
		b.mu.Unlock()
	}
}

// Publish sends an event to every client. A client whose buffer is full
// misses it; it will get the next one.
func (b *Broker) Publish(e Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.clients {
		select {
		case ch <- e:
		default:
		}
	}
}

// Clients returns the number of connected clients.
func (b *Broker) Clients() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.clients)
}

// Close ends every client's stream.
func (b *Broker) Close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	select {
	case <-b.closed:
	default:
		close(b.closed)
	}
}

// Done is closed when the server shuts down.
func (b *Broker) Done() <-chan struct{} { return b.closed }

func jsonList(key string, values []string) string {
	data, _ := json.Marshal(map[string][]string{key: values})
	return string(data)
}

type jsonDiag struct {
	Path string `json:"path"`
	Line int    `json:"line"`
	Msg  string `json:"message"`
	Text string `json:"text"`
}

func errorsJSON(l diag.List) string {
	list := make([]jsonDiag, 0, len(l))
	for _, d := range l.Errors() {
		list = append(list, jsonDiag{d.Path, d.Line, d.Msg, d.String()})
	}
	data, _ := json.Marshal(map[string]any{"errors": list})
	return string(data)
}
