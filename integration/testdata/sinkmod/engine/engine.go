// Package engine starts the components it is given, through an
// interface: which listener a component opens is its own business.
package engine

// Component is started by an Engine.
type Component interface{ Start() error }

// Start starts every component.
func Start(cs ...Component) error {
	for _, c := range cs {
		if err := c.Start(); err != nil {
			return err
		}
	}
	return nil
}
