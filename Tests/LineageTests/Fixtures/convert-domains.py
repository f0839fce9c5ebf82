import glob, json, os, sys, yaml
class Loader(yaml.SafeLoader): pass
# Keep timestamps as the strings they were written as (PyYAML would turn them into datetime).
Loader.yaml_implicit_resolvers = {k: [(t, r) for (t, r) in v if t != 'tag:yaml.org,2002:timestamp'] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
domains = sys.argv[1]
documents = []
for source in sorted(glob.glob(os.path.join(domains, '*', 'products', '*.yaml')) + glob.glob(os.path.join(domains, '*', 'contracts', '*.yaml'))):
    with open(source) as f: documents.append(yaml.load(f, Loader=Loader))
with open('retail-mesh.json', 'w') as f: json.dump(documents, f, indent=1, ensure_ascii=False); f.write('\n')
