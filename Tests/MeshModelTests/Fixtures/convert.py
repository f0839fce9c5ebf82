import json, sys, yaml
class Loader(yaml.SafeLoader): pass
# Keep timestamps as the strings they were written as (PyYAML would turn them into datetime).
Loader.yaml_implicit_resolvers = {k: [(t, r) for (t, r) in v if t != 'tag:yaml.org,2002:timestamp'] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
for source in sys.argv[1:]:
    name = source.rsplit('/', 1)[1].removesuffix('.yaml') + '.json'
    with open(source) as f: document = yaml.load(f, Loader=Loader)
    with open(name, 'w') as f: json.dump(document, f, indent=2, ensure_ascii=False); f.write('\n')
