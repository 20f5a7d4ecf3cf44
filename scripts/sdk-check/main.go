// sdk-check binds the schema Pulumi infers for this component package, with Pulumi's own
// schema binder, and generates the Python SDK from it with Pulumi's own code generator: the
// two steps `pulumi package gen-sdk` and `pulumi package add` take.
//
// Usage: sdk-check <schema.json> <externals.json> <python out dir>
//
// externals.json lists the packages the schema refers to, with the resource tokens their
// installed SDKs define: [{"name":"kubernetes","version":"4.34.2","resources":["kubernetes:apps/v1:Deployment",...]}].
// The CLI would load those packages' full schemas from their provider plugins; here (no
// plugins, no CLI) each is bound as a schema that defines exactly those resources, with no
// properties. A reference to anything else (a provider, a type, a resource the package does
// not define, another version) fails to bind, as it would against the real schema.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

type external struct {
	Name      string   `json:"name"`
	Version   string   `json:"version"`
	Resources []string `json:"resources"`
}

// tokenLoader answers only the packages it was given, at their exact versions.
type tokenLoader struct {
	packages map[string]*schema.Package
}

func (l *tokenLoader) LoadPackage(pkg string, version *semver.Version) (*schema.Package, error) {
	ref, err := l.LoadPackageReference(pkg, version)
	if err != nil {
		return nil, err
	}
	return ref.Definition()
}

func (l *tokenLoader) LoadPackageV2(ctx context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, d.Version)
}

func (l *tokenLoader) LoadPackageReference(pkg string, version *semver.Version) (schema.PackageReference, error) {
	p, ok := l.packages[pkg]
	if !ok {
		return nil, fmt.Errorf("package %s is not one the schema depends on", pkg)
	}
	if version != nil && !version.Equals(*p.Version) {
		return nil, fmt.Errorf("package %s v%s asked for; the installed SDK is v%s", pkg, version, p.Version)
	}
	return p.Reference(), nil
}

func (l *tokenLoader) LoadPackageReferenceV2(ctx context.Context, d *schema.PackageDescriptor) (schema.PackageReference, error) {
	return l.LoadPackageReference(d.Name, d.Version)
}

func readJSON(path string, v any) {
	b, err := os.ReadFile(path)
	if err != nil {
		fail("%v", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		fail("%s: %v", path, err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "sdk-check: "+format+"\n", args...)
	os.Exit(1)
}

func main() {
	if len(os.Args) != 4 {
		fail("usage: sdk-check <schema.json> <externals.json> <python out dir>")
	}
	var spec schema.PackageSpec
	readJSON(os.Args[1], &spec)
	var externals []external
	readJSON(os.Args[2], &externals)

	loader := &tokenLoader{packages: map[string]*schema.Package{}}
	for _, e := range externals {
		resources := map[string]schema.ResourceSpec{}
		for _, token := range e.Resources {
			resources[token] = schema.ResourceSpec{}
		}
		pkg, diags, err := schema.BindSpec(schema.PackageSpec{Name: e.Name, Version: e.Version, Resources: resources}, loader, schema.ValidationOptions{})
		if err != nil || diags.HasErrors() {
			fail("binding the stand-in schema of %s: %v %v", e.Name, err, diags)
		}
		loader.packages[e.Name] = pkg
	}

	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{})
	for _, d := range diags {
		fmt.Fprintf(os.Stderr, "%s\n", d.Error())
	}
	if err != nil {
		fail("binding %s: %v", os.Args[1], err)
	}
	if diags.HasErrors() {
		fail("%s does not bind: %d errors", os.Args[1], len(diags.Errs()))
	}

	files, err := python.GeneratePackage("pulumi-ha-sdk-check", pkg, nil, loader)
	if err != nil {
		fail("generating the Python SDK: %v", err)
	}
	names := make([]string, 0, len(files))
	for name, content := range files {
		path := filepath.Join(os.Args[3], name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fail("%v", err)
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			fail("%v", err)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	fmt.Printf("bound %s v%s (%d resources, %d types); wrote %d Python SDK files to %s\n",
		pkg.Name, pkg.Version, len(pkg.Resources), len(pkg.Types), len(names), os.Args[3])
}
