import re,sys,subprocess
lines=open(sys.argv[1]).read().splitlines()
start,end=int(sys.argv[2]),int(sys.argv[3])
data=bytearray(); base=None
for l in lines[start-1:end]:
    m=re.match(r'\s+0x([0-9a-f]+): ((?:[0-9a-f ]|\|)+)$', l)
    if m:
        addr=int(m.group(1),16)
        hx=m.group(2).replace('|','').replace(' ','')
        if base is None: base=addr
        if addr!=base+len(data): 
            continue
        data+=bytes.fromhex(hx)
open('/tmp/code.bin','wb').write(data)
print(hex(base), len(data))
out=subprocess.run(['objdump','-D','-b','binary','-mi386:x86-64','--adjust-vma='+hex(base),'/tmp/code.bin'],capture_output=True,text=True).stdout
print(out)
