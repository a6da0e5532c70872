import { createRequire as __isthmusCreateRequire } from 'node:module'; import { dirname as __isthmusDirname } from 'node:path'; import { fileURLToPath as __isthmusFileURLToPath } from 'node:url'; const require = __isthmusCreateRequire(import.meta.url); const __filename = __isthmusFileURLToPath(import.meta.url); const __dirname = __isthmusDirname(__filename);
import{a as Ct,c as w,e as Ui}from"./chunk-MLTLJ63E.js";var q=w(x=>{"use strict";var Js=Symbol.for("yaml.alias"),Ji=Symbol.for("yaml.document"),Lt=Symbol.for("yaml.map"),Wi=Symbol.for("yaml.pair"),Ws=Symbol.for("yaml.scalar"),Mt=Symbol.for("yaml.seq"),ne=Symbol.for("yaml.node.type"),Rl=s=>!!s&&typeof s=="object"&&s[ne]===Js,Dl=s=>!!s&&typeof s=="object"&&s[ne]===Ji,xl=s=>!!s&&typeof s=="object"&&s[ne]===Lt,Yl=s=>!!s&&typeof s=="object"&&s[ne]===Wi,Gi=s=>!!s&&typeof s=="object"&&s[ne]===Ws,jl=s=>!!s&&typeof s=="object"&&s[ne]===Mt;function Hi(s){if(s&&typeof s=="object")switch(s[ne]){case Lt:case Mt:return!0}return!1}function Bl(s){if(s&&typeof s=="object")switch(s[ne]){case Js:case Lt:case Ws:case Mt:return!0}return!1}var Fl=s=>(Gi(s)||Hi(s))&&!!s.anchor;x.ALIAS=Js;x.DOC=Ji;x.MAP=Lt;x.NODE_TYPE=ne;x.PAIR=Wi;x.SCALAR=Ws;x.SEQ=Mt;x.hasAnchor=Fl;x.isAlias=Rl;x.isCollection=Hi;x.isDocument=Dl;x.isMap=xl;x.isNode=Bl;x.isPair=Yl;x.isScalar=Gi;x.isSeq=jl});var We=w(Gs=>{"use strict";var R=q(),K=Symbol("break visit"),zi=Symbol("skip children"),te=Symbol("remove node");function Pt(s,e){let t=Qi(e);R.isDocument(s)?qe(null,s.contents,t,Object.freeze([s]))===te&&(s.contents=null):qe(null,s,t,Object.freeze([]))}Pt.BREAK=K;Pt.SKIP=zi;Pt.REMOVE=te;function qe(s,e,t,r){let i=Xi(s,e,t,r);if(R.isNode(i)||R.isPair(i))return Zi(s,r,i),qe(s,i,t,r);if(typeof i!="symbol"){if(R.isCollection(e)){r=Object.freeze(r.concat(e));for(let n=0;n<e.items.length;++n){let o=qe(n,e.items[n],t,r);if(typeof o=="number")n=o-1;else{if(o===K)return K;o===te&&(e.items.splice(n,1),n-=1)}}}else if(R.isPair(e)){r=Object.freeze(r.concat(e));let n=qe("key",e.key,t,r);if(n===K)return K;n===te&&(e.key=null);let o=qe("value",e.value,t,r);if(o===K)return K;o===te&&(e.value=null)}}return i}async function Rt(s,e){let t=Qi(e);R.isDocument(s)?await Ie(null,s.contents,t,Object.freeze([s]))===te&&(s.contents=null):await Ie(null,s,t,Object.freeze([]))}Rt.BREAK=K;Rt.SKIP=zi;Rt.REMOVE=te;async function Ie(s,e,t,r){let i=await Xi(s,e,t,r);if(R.isNode(i)||R.isPair(i))return Zi(s,r,i),Ie(s,i,t,r);if(typeof i!="symbol"){if(R.isCollection(e)){r=Object.freeze(r.concat(e));for(let n=0;n<e.items.length;++n){let o=await Ie(n,e.items[n],t,r);if(typeof o=="number")n=o-1;else{if(o===K)return K;o===te&&(e.items.splice(n,1),n-=1)}}}else if(R.isPair(e)){r=Object.freeze(r.concat(e));let n=await Ie("key",e.key,t,r);if(n===K)return K;n===te&&(e.key=null);let o=await Ie("value",e.value,t,r);if(o===K)return K;o===te&&(e.value=null)}}return i}function Qi(s){return typeof s=="object"&&(s.Collection||s.Node||s.Value)?Object.assign({Alias:s.Node,Map:s.Node,Scalar:s.Node,Seq:s.Node},s.Value&&{Map:s.Value,Scalar:s.Value,Seq:s.Value},s.Collection&&{Map:s.Collection,Seq:s.Collection},s):s}function Xi(s,e,t,r){if(typeof t=="function")return t(s,e,r);if(R.isMap(e))return t.Map?.(s,e,r);if(R.isSeq(e))return t.Seq?.(s,e,r);if(R.isPair(e))return t.Pair?.(s,e,r);if(R.isScalar(e))return t.Scalar?.(s,e,r);if(R.isAlias(e))return t.Alias?.(s,e,r)}function Zi(s,e,t){let r=e[e.length-1];if(R.isCollection(r))r.items[s]=t;else if(R.isPair(r))s==="key"?r.key=t:r.value=t;else if(R.isDocument(r))r.contents=t;else{let i=R.isAlias(r)?"alias":"scalar";throw new Error(`Cannot replace node with ${i} parent`)}}Gs.visit=Pt;Gs.visitAsync=Rt});var Hs=w(tn=>{"use strict";var en=q(),Vl=We(),Kl={"!":"%21",",":"%2C","[":"%5B","]":"%5D","{":"%7B","}":"%7D"},Ul=s=>s.replace(/[!,[\]{}]/g,e=>Kl[e]),Ge=class s{constructor(e,t){this.docStart=null,this.docEnd=!1,this.yaml=Object.assign({},s.defaultYaml,e),this.tags=Object.assign({},s.defaultTags,t)}clone(){let e=new s(this.yaml,this.tags);return e.docStart=this.docStart,e}atDocument(){let e=new s(this.yaml,this.tags);switch(this.yaml.version){case"1.1":this.atNextDocument=!0;break;case"1.2":this.atNextDocument=!1,this.yaml={explicit:s.defaultYaml.explicit,version:"1.2"},this.tags=Object.assign({},s.defaultTags);break}return e}add(e,t){this.atNextDocument&&(this.yaml={explicit:s.defaultYaml.explicit,version:"1.1"},this.tags=Object.assign({},s.defaultTags),this.atNextDocument=!1);let r=e.trim().split(/[ \t]+/),i=r.shift();switch(i){case"%TAG":{if(r.length!==2&&(t(0,"%TAG directive should contain exactly two parts"),r.length<2))return!1;let[n,o]=r;return this.tags[n]=o,!0}case"%YAML":{if(this.yaml.explicit=!0,r.length!==1)return t(0,"%YAML directive should contain exactly one part"),!1;let[n]=r;if(n==="1.1"||n==="1.2")return this.yaml.version=n,!0;{let o=/^\d+\.\d+$/.test(n);return t(6,`Unsupported YAML version ${n}`,o),!1}}default:return t(0,`Unknown directive ${i}`,!0),!1}}tagName(e,t){if(e==="!")return"!";if(e[0]!=="!")return t(`Not a valid tag: ${e}`),null;if(e[1]==="<"){let o=e.slice(2,-1);return o==="!"||o==="!!"?(t(`Verbatim tags aren't resolved, so ${e} is invalid.`),null):(e[e.length-1]!==">"&&t("Verbatim tags must end with a >"),o)}let[,r,i]=e.match(/^(.*!)([^!]*)$/s);i||t(`The ${e} tag has no suffix`);let n=this.tags[r];if(n)try{return n+decodeURIComponent(i)}catch(o){return t(String(o)),null}return r==="!"?e:(t(`Could not resolve tag: ${e}`),null)}tagString(e){for(let[t,r]of Object.entries(this.tags))if(e.startsWith(r))return t+Ul(e.substring(r.length));return e[0]==="!"?e:`!<${e}>`}toString(e){let t=this.yaml.explicit?[`%YAML ${this.yaml.version||"1.2"}`]:[],r=Object.entries(this.tags),i;if(e&&r.length>0&&en.isNode(e.contents)){let n={};Vl.visit(e.contents,(o,a)=>{en.isNode(a)&&a.tag&&(n[a.tag]=!0)}),i=Object.keys(n)}else i=[];for(let[n,o]of r)n==="!!"&&o==="tag:yaml.org,2002:"||(!e||i.some(a=>a.startsWith(o)))&&t.push(`%TAG ${n} ${o}`);return t.join(`
`)}};Ge.defaultYaml={explicit:!1,version:"1.2"};Ge.defaultTags={"!!":"tag:yaml.org,2002:"};tn.Directives=Ge});var Dt=w(He=>{"use strict";var sn=q(),Jl=We();function Wl(s){if(/[\x00-\x19\s,[\]{}]/.test(s)){let t=`Anchor must not contain whitespace or control characters: ${JSON.stringify(s)}`;throw new Error(t)}return!0}function rn(s){let e=new Set;return Jl.visit(s,{Value(t,r){r.anchor&&e.add(r.anchor)}}),e}function nn(s,e){for(let t=1;;++t){let r=`${s}${t}`;if(!e.has(r))return r}}function Gl(s,e){let t=[],r=new Map,i=null;return{onAnchor:n=>{t.push(n),i??(i=rn(s));let o=nn(e,i);return i.add(o),o},setAnchors:()=>{for(let n of t){let o=r.get(n);if(typeof o=="object"&&o.anchor&&(sn.isScalar(o.node)||sn.isCollection(o.node)))o.node.anchor=o.anchor;else{let a=new Error("Failed to resolve repeated object (this should not happen)");throw a.source=n,a}}},sourceObjects:r}}He.anchorIsValid=Wl;He.anchorNames=rn;He.createNodeAnchors=Gl;He.findNewAnchor=nn});var zs=w(on=>{"use strict";function ze(s,e,t,r){if(r&&typeof r=="object")if(Array.isArray(r))for(let i=0,n=r.length;i<n;++i){let o=r[i],a=ze(s,r,String(i),o);a===void 0?delete r[i]:a!==o&&(r[i]=a)}else if(r instanceof Map)for(let i of Array.from(r.keys())){let n=r.get(i),o=ze(s,r,i,n);o===void 0?r.delete(i):o!==n&&r.set(i,o)}else if(r instanceof Set)for(let i of Array.from(r)){let n=ze(s,r,i,i);n===void 0?r.delete(i):n!==i&&(r.delete(i),r.add(n))}else for(let[i,n]of Object.entries(r)){let o=ze(s,r,i,n);o===void 0?delete r[i]:o!==n&&(r[i]=o)}return s.call(e,t,r)}on.applyReviver=ze});var ae=w(ln=>{"use strict";var Hl=q();function an(s,e,t){if(Array.isArray(s))return s.map((r,i)=>an(r,String(i),t));if(s&&typeof s.toJSON=="function"){if(!t||!Hl.hasAnchor(s))return s.toJSON(e,t);let r={aliasCount:0,count:1,res:void 0};t.anchors.set(s,r),t.onCreate=n=>{r.res=n,delete t.onCreate};let i=s.toJSON(e,t);return t.onCreate&&t.onCreate(i),i}return typeof s=="bigint"&&!t?.keep?Number(s):s}ln.toJS=an});var xt=w(un=>{"use strict";var zl=zs(),cn=q(),Ql=ae(),Qs=class{constructor(e){Object.defineProperty(this,cn.NODE_TYPE,{value:e})}clone(){let e=Object.create(Object.getPrototypeOf(this),Object.getOwnPropertyDescriptors(this));return this.range&&(e.range=this.range.slice()),e}toJS(e,{mapAsMap:t,maxAliasCount:r,onAnchor:i,reviver:n}={}){if(!cn.isDocument(e))throw new TypeError("A document argument is required");let o={anchors:new Map,doc:e,keep:!0,mapAsMap:t===!0,mapKeyWarned:!1,maxAliasCount:typeof r=="number"?r:100},a=Ql.toJS(this,"",o);if(typeof i=="function")for(let{count:l,res:c}of o.anchors.values())i(c,l);return typeof n=="function"?zl.applyReviver(n,{"":a},"",a):a}};un.NodeBase=Qs});var Qe=w(fn=>{"use strict";var Xl=Dt(),Zl=We(),Te=q(),ec=xt(),tc=ae(),Xs=class extends ec.NodeBase{constructor(e){super(Te.ALIAS),this.source=e,Object.defineProperty(this,"tag",{set(){throw new Error("Alias nodes cannot have tags")}})}resolve(e,t){if(t?.maxAliasCount===0)throw new ReferenceError("Alias resolution is disabled");let r;t?.aliasResolveCache?r=t.aliasResolveCache:(r=[],Zl.visit(e,{Node:(n,o)=>{(Te.isAlias(o)||Te.hasAnchor(o))&&r.push(o)}}),t&&(t.aliasResolveCache=r));let i;for(let n of r){if(n===this)break;n.anchor===this.source&&(i=n)}if(i&&t){let{anchors:n,doc:o,maxAliasCount:a}=t,l=n.get(i);if(l||(tc.toJS(i,null,t),l=n.get(i)),l?.res===void 0){let c="This should not happen: Alias anchor was not resolved?";throw new ReferenceError(c)}if(a>=0&&(l.count+=1,l.aliasCount===0&&(l.aliasCount=Yt(o,i,n)),l.count*l.aliasCount>a)){let c="Excessive alias count indicates a resource exhaustion attack";throw new ReferenceError(c)}}return i}toJSON(e,t){if(!t)return{source:this.source};let r=this.resolve(t.doc,t);if(!r){let i=`Unresolved alias (the anchor must be set before the alias): ${this.source}`;throw new ReferenceError(i)}return t.anchors.get(r).res}toString(e,t,r){let i=`*${this.source}`;if(e){if(Xl.anchorIsValid(this.source),e.options.verifyAliasOrder&&!e.anchors.has(this.source)){let n=`Unresolved alias (the anchor must be set before the alias): ${this.source}`;throw new Error(n)}if(e.implicitKey)return`${i} `}return i}};function Yt(s,e,t){if(Te.isAlias(e)){let r=e.resolve(s),i=t&&r&&t.get(r);return i?i.count*i.aliasCount:0}else if(Te.isCollection(e)){let r=0;for(let i of e.items){let n=Yt(s,i,t);n>r&&(r=n)}return r}else if(Te.isPair(e)){let r=Yt(s,e.key,t),i=Yt(s,e.value,t);return Math.max(r,i)}return 1}fn.Alias=Xs});var M=w(Zs=>{"use strict";var sc=q(),rc=xt(),ic=ae(),nc=s=>!s||typeof s!="function"&&typeof s!="object",le=class extends rc.NodeBase{constructor(e){super(sc.SCALAR),this.value=e}toJSON(e,t){return t?.keep?this.value:ic.toJS(this.value,e,t)}toString(){return String(this.value)}};le.BLOCK_FOLDED="BLOCK_FOLDED";le.BLOCK_LITERAL="BLOCK_LITERAL";le.PLAIN="PLAIN";le.QUOTE_DOUBLE="QUOTE_DOUBLE";le.QUOTE_SINGLE="QUOTE_SINGLE";Zs.Scalar=le;Zs.isScalarValue=nc});var Xe=w(dn=>{"use strict";var oc=Qe(),ke=q(),pn=M(),ac="tag:yaml.org,2002:";function lc(s,e,t){if(e){let r=t.filter(n=>n.tag===e),i=r.find(n=>!n.format)??r[0];if(!i)throw new Error(`Tag ${e} not found`);return i}return t.find(r=>r.identify?.(s)&&!r.format)}function cc(s,e,t){if(ke.isDocument(s)&&(s=s.contents),ke.isNode(s))return s;if(ke.isPair(s)){let f=t.schema[ke.MAP].createNode?.(t.schema,null,t);return f.items.push(s),f}(s instanceof String||s instanceof Number||s instanceof Boolean||typeof BigInt<"u"&&s instanceof BigInt)&&(s=s.valueOf());let{aliasDuplicateObjects:r,onAnchor:i,onTagObj:n,schema:o,sourceObjects:a}=t,l;if(r&&s&&typeof s=="object"){if(l=a.get(s),l)return l.anchor??(l.anchor=i(s)),new oc.Alias(l.anchor);l={anchor:null,node:null},a.set(s,l)}e?.startsWith("!!")&&(e=ac+e.slice(2));let c=lc(s,e,o.tags);if(!c){if(s&&typeof s.toJSON=="function"&&(s=s.toJSON()),!s||typeof s!="object"){let f=new pn.Scalar(s);return l&&(l.node=f),f}c=s instanceof Map?o[ke.MAP]:Symbol.iterator in Object(s)?o[ke.SEQ]:o[ke.MAP]}n&&(n(c),delete t.onTagObj);let y=c?.createNode?c.createNode(t.schema,s,t):typeof c?.nodeClass?.from=="function"?c.nodeClass.from(t.schema,s,t):new pn.Scalar(s);return e?y.tag=e:c.default||(y.tag=c.tag),l&&(l.node=y),y}dn.createNode=cc});var Bt=w(jt=>{"use strict";var uc=Xe(),se=q(),fc=xt();function er(s,e,t){let r=t;for(let i=e.length-1;i>=0;--i){let n=e[i];if(typeof n=="number"&&Number.isInteger(n)&&n>=0){let o=[];o[n]=r,r=o}else r=new Map([[n,r]])}return uc.createNode(r,void 0,{aliasDuplicateObjects:!1,keepUndefined:!1,onAnchor:()=>{throw new Error("This should not happen, please report a bug.")},schema:s,sourceObjects:new Map})}var mn=s=>s==null||typeof s=="object"&&!!s[Symbol.iterator]().next().done,tr=class extends fc.NodeBase{constructor(e,t){super(e),Object.defineProperty(this,"schema",{value:t,configurable:!0,enumerable:!1,writable:!0})}clone(e){let t=Object.create(Object.getPrototypeOf(this),Object.getOwnPropertyDescriptors(this));return e&&(t.schema=e),t.items=t.items.map(r=>se.isNode(r)||se.isPair(r)?r.clone(e):r),this.range&&(t.range=this.range.slice()),t}addIn(e,t){if(mn(e))this.add(t);else{let[r,...i]=e,n=this.get(r,!0);if(se.isCollection(n))n.addIn(i,t);else if(n===void 0&&this.schema)this.set(r,er(this.schema,i,t));else throw new Error(`Expected YAML collection at ${r}. Remaining path: ${i}`)}}deleteIn(e){let[t,...r]=e;if(r.length===0)return this.delete(t);let i=this.get(t,!0);if(se.isCollection(i))return i.deleteIn(r);throw new Error(`Expected YAML collection at ${t}. Remaining path: ${r}`)}getIn(e,t){let[r,...i]=e,n=this.get(r,!0);return i.length===0?!t&&se.isScalar(n)?n.value:n:se.isCollection(n)?n.getIn(i,t):void 0}hasAllNullValues(e){return this.items.every(t=>{if(!se.isPair(t))return!1;let r=t.value;return r==null||e&&se.isScalar(r)&&r.value==null&&!r.commentBefore&&!r.comment&&!r.tag})}hasIn(e){let[t,...r]=e;if(r.length===0)return this.has(t);let i=this.get(t,!0);return se.isCollection(i)?i.hasIn(r):!1}setIn(e,t){let[r,...i]=e;if(i.length===0)this.set(r,t);else{let n=this.get(r,!0);if(se.isCollection(n))n.setIn(i,t);else if(n===void 0&&this.schema)this.set(r,er(this.schema,i,t));else throw new Error(`Expected YAML collection at ${r}. Remaining path: ${i}`)}}};jt.Collection=tr;jt.collectionFromPath=er;jt.isEmptyPath=mn});var Ze=w(Ft=>{"use strict";var pc=s=>s.replace(/^(?!$)(?: $)?/gm,"#");function sr(s,e){return/^\n+$/.test(s)?s.substring(1):e?s.replace(/^(?! *$)/gm,e):s}var dc=(s,e,t)=>s.endsWith(`
`)?sr(t,e):t.includes(`
`)?`
`+sr(t,e):(s.endsWith(" ")?"":" ")+t;Ft.indentComment=sr;Ft.lineComment=dc;Ft.stringifyComment=pc});var hn=w(et=>{"use strict";var mc="flow",rr="block",Vt="quoted";function yc(s,e,t="flow",{indentAtStart:r,lineWidth:i=80,minContentWidth:n=20,onFold:o,onOverflow:a}={}){if(!i||i<0)return s;i<n&&(n=0);let l=Math.max(1+n,1+i-e.length);if(s.length<=l)return s;let c=[],y={},f=i-e.length;typeof r=="number"&&(r>i-Math.max(2,n)?c.push(0):f=i-r);let u,m,d=!1,p=-1,h=-1,g=-1;t===rr&&(p=yn(s,p,e.length),p!==-1&&(f=p+l));for(let v;v=s[p+=1];){if(t===Vt&&v==="\\"){switch(h=p,s[p+1]){case"x":p+=3;break;case"u":p+=5;break;case"U":p+=9;break;default:p+=1}g=p}if(v===`
`)t===rr&&(p=yn(s,p,e.length)),f=p+e.length+l,u=void 0;else{if(v===" "&&m&&m!==" "&&m!==`
`&&m!=="	"){let A=s[p+1];A&&A!==" "&&A!==`
`&&A!=="	"&&(u=p)}if(p>=f)if(u)c.push(u),f=u+l,u=void 0;else if(t===Vt){for(;m===" "||m==="	";)m=v,v=s[p+=1],d=!0;let A=p>g+1?p-2:h-1;if(y[A])return s;c.push(A),y[A]=!0,f=A+l,u=void 0}else d=!0}m=v}if(d&&a&&a(),c.length===0)return s;o&&o();let S=s.slice(0,c[0]);for(let v=0;v<c.length;++v){let A=c[v],b=c[v+1]||s.length;A===0?S=`
${e}${s.slice(0,b)}`:(t===Vt&&y[A]&&(S+=`${s[A]}\\`),S+=`
${e}${s.slice(A+1,b)}`)}return S}function yn(s,e,t){let r=e,i=e+1,n=s[i];for(;n===" "||n==="	";)if(e<i+t)n=s[++e];else{do n=s[++e];while(n&&n!==`
`);r=e,i=e+1,n=s[i]}return r}et.FOLD_BLOCK=rr;et.FOLD_FLOW=mc;et.FOLD_QUOTED=Vt;et.foldFlowLines=yc});var st=w(gn=>{"use strict";var Q=M(),ce=hn(),Ut=(s,e)=>({indentAtStart:e?s.indent.length:s.indentAtStart,lineWidth:s.options.lineWidth,minContentWidth:s.options.minContentWidth}),Jt=s=>/^(%|---|\.\.\.)/m.test(s);function hc(s,e,t){if(!e||e<0)return!1;let r=e-t,i=s.length;if(i<=r)return!1;for(let n=0,o=0;n<i;++n)if(s[n]===`
`){if(n-o>r)return!0;if(o=n+1,i-o<=r)return!1}return!0}function tt(s,e){let t=JSON.stringify(s);if(e.options.doubleQuotedAsJSON)return t;let{implicitKey:r}=e,i=e.options.doubleQuotedMinMultiLineLength,n=e.indent||(Jt(s)?"  ":""),o="",a=0;for(let l=0,c=t[l];c;c=t[++l])if(c===" "&&t[l+1]==="\\"&&t[l+2]==="n"&&(o+=t.slice(a,l)+"\\ ",l+=1,a=l,c="\\"),c==="\\")switch(t[l+1]){case"u":{o+=t.slice(a,l);let y=t.substr(l+2,4);switch(y){case"0000":o+="\\0";break;case"0007":o+="\\a";break;case"000b":o+="\\v";break;case"001b":o+="\\e";break;case"0085":o+="\\N";break;case"00a0":o+="\\_";break;case"2028":o+="\\L";break;case"2029":o+="\\P";break;default:y.substr(0,2)==="00"?o+="\\x"+y.substr(2):o+=t.substr(l,6)}l+=5,a=l+1}break;case"n":if(r||t[l+2]==='"'||t.length<i)l+=1;else{for(o+=t.slice(a,l)+`

`;t[l+2]==="\\"&&t[l+3]==="n"&&t[l+4]!=='"';)o+=`
`,l+=2;o+=n,t[l+2]===" "&&(o+="\\"),l+=1,a=l+1}break;default:l+=1}return o=a?o+t.slice(a):t,r?o:ce.foldFlowLines(o,n,ce.FOLD_QUOTED,Ut(e,!1))}function ir(s,e){if(e.options.singleQuote===!1||e.implicitKey&&s.includes(`
`)||/[ \t]\n|\n[ \t]/.test(s))return tt(s,e);let t=e.indent||(Jt(s)?"  ":""),r="'"+s.replace(/'/g,"''").replace(/\n+/g,`$&
${t}`)+"'";return e.implicitKey?r:ce.foldFlowLines(r,t,ce.FOLD_FLOW,Ut(e,!1))}function Ce(s,e){let{singleQuote:t}=e.options,r;if(t===!1)r=tt;else{let i=s.includes('"'),n=s.includes("'");i&&!n?r=ir:n&&!i?r=tt:r=t?ir:tt}return r(s,e)}var nr;try{nr=new RegExp(`(^|(?<!
))
+(?!
|$)`,"g")}catch{nr=/\n+(?!\n|$)/g}function Kt({comment:s,type:e,value:t},r,i,n){let{blockQuote:o,commentString:a,lineWidth:l}=r.options;if(!o||/\n[\t ]+$/.test(t))return Ce(t,r);let c=r.indent||(r.forceBlockIndent||Jt(t)?"  ":""),y=o==="literal"?!0:o==="folded"||e===Q.Scalar.BLOCK_FOLDED?!1:e===Q.Scalar.BLOCK_LITERAL?!0:!hc(t,l,c.length);if(!t)return y?`|
`:`>
`;let f,u;for(u=t.length;u>0;--u){let b=t[u-1];if(b!==`
`&&b!=="	"&&b!==" ")break}let m=t.substring(u),d=m.indexOf(`
`);d===-1?f="-":t===m||d!==m.length-1?(f="+",n&&n()):f="",m&&(t=t.slice(0,-m.length),m[m.length-1]===`
`&&(m=m.slice(0,-1)),m=m.replace(nr,`$&${c}`));let p=!1,h,g=-1;for(h=0;h<t.length;++h){let b=t[h];if(b===" ")p=!0;else if(b===`
`)g=h;else break}let S=t.substring(0,g<h?g+1:h);S&&(t=t.substring(S.length),S=S.replace(/\n+/g,`$&${c}`));let A=(p?c?"2":"1":"")+f;if(s&&(A+=" "+a(s.replace(/ ?[\r\n]+/g," ")),i&&i()),!y){let b=t.replace(/\n+/g,`
$&`).replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g,"$1$2").replace(/\n+/g,`$&${c}`),_=!1,E=Ut(r,!0);o!=="folded"&&e!==Q.Scalar.BLOCK_FOLDED&&(E.onOverflow=()=>{_=!0});let k=ce.foldFlowLines(`${S}${b}${m}`,c,ce.FOLD_BLOCK,E);if(!_)return`>${A}
${c}${k}`}return t=t.replace(/\n+/g,`$&${c}`),`|${A}
${c}${S}${t}${m}`}function gc(s,e,t,r){let{type:i,value:n}=s,{actualString:o,implicitKey:a,indent:l,indentStep:c,inFlow:y}=e;if(a&&n.includes(`
`)||y&&/[[\]{},]/.test(n))return Ce(n,e);if(/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(n))return a||y||!n.includes(`
`)?Ce(n,e):Kt(s,e,t,r);if(!a&&!y&&i!==Q.Scalar.PLAIN&&n.includes(`
`))return Kt(s,e,t,r);if(Jt(n)){if(l==="")return e.forceBlockIndent=!0,Kt(s,e,t,r);if(a&&l===c)return Ce(n,e)}let f=n.replace(/\n+/g,`$&
${l}`);if(o){let u=p=>p.default&&p.tag!=="tag:yaml.org,2002:str"&&p.test?.test(f),{compat:m,tags:d}=e.doc.schema;if(d.some(u)||m?.some(u))return Ce(n,e)}return a?f:ce.foldFlowLines(f,l,ce.FOLD_FLOW,Ut(e,!1))}function _c(s,e,t,r){let{implicitKey:i,inFlow:n}=e,o=typeof s.value=="string"?s:Object.assign({},s,{value:String(s.value)}),{type:a}=s;a!==Q.Scalar.QUOTE_DOUBLE&&/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(o.value)&&(a=Q.Scalar.QUOTE_DOUBLE);let l=y=>{switch(y){case Q.Scalar.BLOCK_FOLDED:case Q.Scalar.BLOCK_LITERAL:return i||n?Ce(o.value,e):Kt(o,e,t,r);case Q.Scalar.QUOTE_DOUBLE:return tt(o.value,e);case Q.Scalar.QUOTE_SINGLE:return ir(o.value,e);case Q.Scalar.PLAIN:return gc(o,e,t,r);default:return null}},c=l(a);if(c===null){let{defaultKeyType:y,defaultStringType:f}=e.options,u=i&&y||f;if(c=l(u),c===null)throw new Error(`Unsupported default string type ${u}`)}return c}gn.stringifyString=_c});var rt=w(or=>{"use strict";var bc=Dt(),ue=q(),kc=Ze(),Sc=st();function wc(s,e){let t=Object.assign({blockQuote:!0,commentString:kc.stringifyComment,defaultKeyType:null,defaultStringType:"PLAIN",directives:null,doubleQuotedAsJSON:!1,doubleQuotedMinMultiLineLength:40,falseStr:"false",flowCollectionPadding:!0,indentSeq:!0,lineWidth:80,minContentWidth:20,nullStr:"null",simpleKeys:!1,singleQuote:null,trailingComma:!1,trueStr:"true",verifyAliasOrder:!0},s.schema.toStringOptions,e),r;switch(t.collectionStyle){case"block":r=!1;break;case"flow":r=!0;break;default:r=null}return{anchors:new Set,doc:s,flowCollectionPadding:t.flowCollectionPadding?" ":"",indent:"",indentStep:typeof t.indent=="number"?" ".repeat(t.indent):"  ",inFlow:r,options:t}}function vc(s,e){if(e.tag){let i=s.filter(n=>n.tag===e.tag);if(i.length>0)return i.find(n=>n.format===e.format)??i[0]}let t,r;if(ue.isScalar(e)){r=e.value;let i=s.filter(n=>n.identify?.(r));if(i.length>1){let n=i.filter(o=>o.test);n.length>0&&(i=n)}t=i.find(n=>n.format===e.format)??i.find(n=>!n.format)}else r=e,t=s.find(i=>i.nodeClass&&r instanceof i.nodeClass);if(!t){let i=r?.constructor?.name??(r===null?"null":typeof r);throw new Error(`Tag not resolved for ${i} value`)}return t}function Ac(s,e,{anchors:t,doc:r}){if(!r.directives)return"";let i=[],n=(ue.isScalar(s)||ue.isCollection(s))&&s.anchor;n&&bc.anchorIsValid(n)&&(t.add(n),i.push(`&${n}`));let o=s.tag??(e.default?null:e.tag);return o&&i.push(r.directives.tagString(o)),i.join(" ")}function $c(s,e,t,r){if(ue.isPair(s))return s.toString(e,t,r);if(ue.isAlias(s)){if(e.doc.directives)return s.toString(e);if(e.resolvedAliases?.has(s))throw new TypeError("Cannot stringify circular structure without alias nodes");e.resolvedAliases?e.resolvedAliases.add(s):e.resolvedAliases=new Set([s]),s=s.resolve(e.doc)}let i,n=ue.isNode(s)?s:e.doc.createNode(s,{onTagObj:l=>i=l});i??(i=vc(e.doc.schema.tags,n));let o=Ac(n,i,e);o.length>0&&(e.indentAtStart=(e.indentAtStart??0)+o.length+1);let a=typeof i.stringify=="function"?i.stringify(n,e,t,r):ue.isScalar(n)?Sc.stringifyString(n,e,t,r):n.toString(e,t,r);return o?ue.isScalar(n)||a[0]==="{"||a[0]==="["?`${o} ${a}`:`${o}
${e.indent}${a}`:a}or.createStringifyContext=wc;or.stringify=$c});var Sn=w(kn=>{"use strict";var oe=q(),_n=M(),bn=rt(),it=Ze();function Oc({key:s,value:e},t,r,i){let{allNullValues:n,doc:o,indent:a,indentStep:l,options:{commentString:c,indentSeq:y,simpleKeys:f}}=t,u=oe.isNode(s)&&s.comment||null;if(f){if(u)throw new Error("With simple keys, key nodes cannot have comments");if(oe.isCollection(s)||!oe.isNode(s)&&typeof s=="object"){let E="With simple keys, collection cannot be used as a key value";throw new Error(E)}}let m=!f&&(!s||u&&e==null&&!t.inFlow||oe.isCollection(s)||(oe.isScalar(s)?s.type===_n.Scalar.BLOCK_FOLDED||s.type===_n.Scalar.BLOCK_LITERAL:typeof s=="object"));t=Object.assign({},t,{allNullValues:!1,implicitKey:!m&&(f||!n),indent:a+l});let d=!1,p=!1,h=bn.stringify(s,t,()=>d=!0,()=>p=!0);if(!m&&!t.inFlow&&h.length>1024){if(f)throw new Error("With simple keys, single line scalar must not span more than 1024 characters");m=!0}if(t.inFlow){if(n||e==null)return d&&r&&r(),h===""?"?":m?`? ${h}`:h}else if(n&&!f||e==null&&m)return h=`? ${h}`,u&&!d?h+=it.lineComment(h,t.indent,c(u)):p&&i&&i(),h;d&&(u=null),m?(u&&(h+=it.lineComment(h,t.indent,c(u))),h=`? ${h}
${a}:`):(h=`${h}:`,u&&(h+=it.lineComment(h,t.indent,c(u))));let g,S,v;oe.isNode(e)?(g=!!e.spaceBefore,S=e.commentBefore,v=e.comment):(g=!1,S=null,v=null,e&&typeof e=="object"&&(e=o.createNode(e))),t.implicitKey=!1,!m&&!u&&oe.isScalar(e)&&(t.indentAtStart=h.length+1),p=!1,!y&&l.length>=2&&!t.inFlow&&!m&&oe.isSeq(e)&&!e.flow&&!e.tag&&!e.anchor&&(t.indent=t.indent.substring(2));let A=!1,b=bn.stringify(e,t,()=>A=!0,()=>p=!0),_=" ";if(u||g||S){if(_=g?`
`:"",S){let E=c(S);_+=`
${it.indentComment(E,t.indent)}`}b===""&&!t.inFlow?_===`
`&&v&&(_=`

`):_+=`
${t.indent}`}else if(!m&&oe.isCollection(e)){let E=b[0],k=b.indexOf(`
`),N=k!==-1,j=t.inFlow??e.flow??e.items.length===0;if(N||!j){let L=!1;if(N&&(E==="&"||E==="!")){let T=b.indexOf(" ");E==="&"&&T!==-1&&T<k&&b[T+1]==="!"&&(T=b.indexOf(" ",T+1)),(T===-1||k<T)&&(L=!0)}L||(_=`
${t.indent}`)}}else(b===""||b[0]===`
`)&&(_="");return h+=_+b,t.inFlow?A&&r&&r():v&&!A?h+=it.lineComment(h,t.indent,c(v)):p&&i&&i(),h}kn.stringifyPair=Oc});var lr=w(ar=>{"use strict";var wn=Ct("process");function Ec(s,...e){s==="debug"&&console.log(...e)}function Nc(s,e){(s==="debug"||s==="warn")&&(typeof wn.emitWarning=="function"?wn.emitWarning(e):console.warn(e))}ar.debug=Ec;ar.warn=Nc});var Qt=w(zt=>{"use strict";var Ht=q(),vn=M(),Wt="<<",Gt={identify:s=>s===Wt||typeof s=="symbol"&&s.description===Wt,default:"key",tag:"tag:yaml.org,2002:merge",test:/^<<$/,resolve:()=>Object.assign(new vn.Scalar(Symbol(Wt)),{addToJSMap:An}),stringify:()=>Wt},qc=(s,e)=>(Gt.identify(e)||Ht.isScalar(e)&&(!e.type||e.type===vn.Scalar.PLAIN)&&Gt.identify(e.value))&&s?.doc.schema.tags.some(t=>t.tag===Gt.tag&&t.default);function An(s,e,t){let r=$n(s,t);if(Ht.isSeq(r))for(let i of r.items)cr(s,e,i);else if(Array.isArray(r))for(let i of r)cr(s,e,i);else cr(s,e,r)}function cr(s,e,t){let r=$n(s,t);if(!Ht.isMap(r))throw new Error("Merge sources must be maps or map aliases");let i=r.toJSON(null,s,Map);for(let[n,o]of i)e instanceof Map?e.has(n)||e.set(n,o):e instanceof Set?e.add(n):Object.prototype.hasOwnProperty.call(e,n)||Object.defineProperty(e,n,{value:o,writable:!0,enumerable:!0,configurable:!0});return e}function $n(s,e){return s&&Ht.isAlias(e)?e.resolve(s.doc,s):e}zt.addMergeToJSMap=An;zt.isMergeKey=qc;zt.merge=Gt});var fr=w(Nn=>{"use strict";var Ic=lr(),On=Qt(),Tc=rt(),En=q(),ur=ae();function Cc(s,e,{key:t,value:r}){if(En.isNode(t)&&t.addToJSMap)t.addToJSMap(s,e,r);else if(On.isMergeKey(s,t))On.addMergeToJSMap(s,e,r);else{let i=ur.toJS(t,"",s);if(e instanceof Map)e.set(i,ur.toJS(r,i,s));else if(e instanceof Set)e.add(i);else{let n=Lc(t,i,s),o=ur.toJS(r,n,s);n in e?Object.defineProperty(e,n,{value:o,writable:!0,enumerable:!0,configurable:!0}):e[n]=o}}return e}function Lc(s,e,t){if(e===null)return"";if(typeof e!="object")return String(e);if(En.isNode(s)&&t?.doc){let r=Tc.createStringifyContext(t.doc,{});r.anchors=new Set;for(let n of t.anchors.keys())r.anchors.add(n.anchor);r.inFlow=!0,r.inStringifyKey=!0;let i=s.toString(r);if(!t.mapKeyWarned){let n=JSON.stringify(i);n.length>40&&(n=n.substring(0,36)+'..."'),Ic.warn(t.doc.options.logLevel,`Keys with collection values will be stringified due to JS Object restrictions: ${n}. Set mapAsMap: true to use object keys.`),t.mapKeyWarned=!0}return i}return JSON.stringify(e)}Nn.addPairToJSMap=Cc});var fe=w(pr=>{"use strict";var qn=Xe(),Mc=Sn(),Pc=fr(),Xt=q();function Rc(s,e,t){let r=qn.createNode(s,void 0,t),i=qn.createNode(e,void 0,t);return new Zt(r,i)}var Zt=class s{constructor(e,t=null){Object.defineProperty(this,Xt.NODE_TYPE,{value:Xt.PAIR}),this.key=e,this.value=t}clone(e){let{key:t,value:r}=this;return Xt.isNode(t)&&(t=t.clone(e)),Xt.isNode(r)&&(r=r.clone(e)),new s(t,r)}toJSON(e,t){let r=t?.mapAsMap?new Map:{};return Pc.addPairToJSMap(t,r,this)}toString(e,t,r){return e?.doc?Mc.stringifyPair(this,e,t,r):JSON.stringify(this)}};pr.Pair=Zt;pr.createPair=Rc});var dr=w(Tn=>{"use strict";var Se=q(),In=rt(),es=Ze();function Dc(s,e,t){return(e.inFlow??s.flow?Yc:xc)(s,e,t)}function xc({comment:s,items:e},t,{blockItemPrefix:r,flowChars:i,itemIndent:n,onChompKeep:o,onComment:a}){let{indent:l,options:{commentString:c}}=t,y=Object.assign({},t,{indent:n,type:null}),f=!1,u=[];for(let d=0;d<e.length;++d){let p=e[d],h=null;if(Se.isNode(p))!f&&p.spaceBefore&&u.push(""),ts(t,u,p.commentBefore,f),p.comment&&(h=p.comment);else if(Se.isPair(p)){let S=Se.isNode(p.key)?p.key:null;S&&(!f&&S.spaceBefore&&u.push(""),ts(t,u,S.commentBefore,f))}f=!1;let g=In.stringify(p,y,()=>h=null,()=>f=!0);h&&(g+=es.lineComment(g,n,c(h))),f&&h&&(f=!1),u.push(r+g)}let m;if(u.length===0)m=i.start+i.end;else{m=u[0];for(let d=1;d<u.length;++d){let p=u[d];m+=p?`
${l}${p}`:`
`}}return s?(m+=`
`+es.indentComment(c(s),l),a&&a()):f&&o&&o(),m}function Yc({items:s},e,{flowChars:t,itemIndent:r}){let{indent:i,indentStep:n,flowCollectionPadding:o,options:{commentString:a}}=e;r+=n;let l=Object.assign({},e,{indent:r,inFlow:!0,type:null}),c=!1,y=0,f=[];for(let d=0;d<s.length;++d){let p=s[d],h=null;if(Se.isNode(p))p.spaceBefore&&f.push(""),ts(e,f,p.commentBefore,!1),p.comment&&(h=p.comment);else if(Se.isPair(p)){let S=Se.isNode(p.key)?p.key:null;S&&(S.spaceBefore&&f.push(""),ts(e,f,S.commentBefore,!1),S.comment&&(c=!0));let v=Se.isNode(p.value)?p.value:null;v?(v.comment&&(h=v.comment),v.commentBefore&&(c=!0)):p.value==null&&S?.comment&&(h=S.comment)}h&&(c=!0);let g=In.stringify(p,l,()=>h=null);c||(c=f.length>y||g.includes(`
`)),d<s.length-1?g+=",":e.options.trailingComma&&(e.options.lineWidth>0&&(c||(c=f.reduce((S,v)=>S+v.length+2,2)+(g.length+2)>e.options.lineWidth)),c&&(g+=",")),h&&(g+=es.lineComment(g,r,a(h))),f.push(g),y=f.length}let{start:u,end:m}=t;if(f.length===0)return u+m;if(!c){let d=f.reduce((p,h)=>p+h.length+2,2);c=e.options.lineWidth>0&&d>e.options.lineWidth}if(c){let d=u;for(let p of f)d+=p?`
${n}${i}${p}`:`
`;return`${d}
${i}${m}`}else return`${u}${o}${f.join(" ")}${o}${m}`}function ts({indent:s,options:{commentString:e}},t,r,i){if(r&&i&&(r=r.replace(/^\n+/,"")),r){let n=es.indentComment(e(r),s);t.push(n.trimStart())}}Tn.stringifyCollection=Dc});var de=w(yr=>{"use strict";var jc=dr(),Bc=fr(),Fc=Bt(),pe=q(),ss=fe(),Vc=M();function nt(s,e){let t=pe.isScalar(e)?e.value:e;for(let r of s)if(pe.isPair(r)&&(r.key===e||r.key===t||pe.isScalar(r.key)&&r.key.value===t))return r}var mr=class extends Fc.Collection{static get tagName(){return"tag:yaml.org,2002:map"}constructor(e){super(pe.MAP,e),this.items=[]}static from(e,t,r){let{keepUndefined:i,replacer:n}=r,o=new this(e),a=(l,c)=>{if(typeof n=="function")c=n.call(t,l,c);else if(Array.isArray(n)&&!n.includes(l))return;(c!==void 0||i)&&o.items.push(ss.createPair(l,c,r))};if(t instanceof Map)for(let[l,c]of t)a(l,c);else if(t&&typeof t=="object")for(let l of Object.keys(t))a(l,t[l]);return typeof e.sortMapEntries=="function"&&o.items.sort(e.sortMapEntries),o}add(e,t){let r;pe.isPair(e)?r=e:!e||typeof e!="object"||!("key"in e)?r=new ss.Pair(e,e?.value):r=new ss.Pair(e.key,e.value);let i=nt(this.items,r.key),n=this.schema?.sortMapEntries;if(i){if(!t)throw new Error(`Key ${r.key} already set`);pe.isScalar(i.value)&&Vc.isScalarValue(r.value)?i.value.value=r.value:i.value=r.value}else if(n){let o=this.items.findIndex(a=>n(r,a)<0);o===-1?this.items.push(r):this.items.splice(o,0,r)}else this.items.push(r)}delete(e){let t=nt(this.items,e);return t?this.items.splice(this.items.indexOf(t),1).length>0:!1}get(e,t){let i=nt(this.items,e)?.value;return(!t&&pe.isScalar(i)?i.value:i)??void 0}has(e){return!!nt(this.items,e)}set(e,t){this.add(new ss.Pair(e,t),!0)}toJSON(e,t,r){let i=r?new r:t?.mapAsMap?new Map:{};t?.onCreate&&t.onCreate(i);for(let n of this.items)Bc.addPairToJSMap(t,i,n);return i}toString(e,t,r){if(!e)return JSON.stringify(this);for(let i of this.items)if(!pe.isPair(i))throw new Error(`Map items must all be pairs; found ${JSON.stringify(i)} instead`);return!e.allNullValues&&this.hasAllNullValues(!1)&&(e=Object.assign({},e,{allNullValues:!0})),jc.stringifyCollection(this,e,{blockItemPrefix:"",flowChars:{start:"{",end:"}"},itemIndent:e.indent||"",onChompKeep:r,onComment:t})}};yr.YAMLMap=mr;yr.findPair=nt});var Le=w(Ln=>{"use strict";var Kc=q(),Cn=de(),Uc={collection:"map",default:!0,nodeClass:Cn.YAMLMap,tag:"tag:yaml.org,2002:map",resolve(s,e){return Kc.isMap(s)||e("Expected a mapping for this tag"),s},createNode:(s,e,t)=>Cn.YAMLMap.from(s,e,t)};Ln.map=Uc});var me=w(Mn=>{"use strict";var Jc=Xe(),Wc=dr(),Gc=Bt(),is=q(),Hc=M(),zc=ae(),hr=class extends Gc.Collection{static get tagName(){return"tag:yaml.org,2002:seq"}constructor(e){super(is.SEQ,e),this.items=[]}add(e){this.items.push(e)}delete(e){let t=rs(e);return typeof t!="number"?!1:this.items.splice(t,1).length>0}get(e,t){let r=rs(e);if(typeof r!="number")return;let i=this.items[r];return!t&&is.isScalar(i)?i.value:i}has(e){let t=rs(e);return typeof t=="number"&&t<this.items.length}set(e,t){let r=rs(e);if(typeof r!="number")throw new Error(`Expected a valid index, not ${e}.`);let i=this.items[r];is.isScalar(i)&&Hc.isScalarValue(t)?i.value=t:this.items[r]=t}toJSON(e,t){let r=[];t?.onCreate&&t.onCreate(r);let i=0;for(let n of this.items)r.push(zc.toJS(n,String(i++),t));return r}toString(e,t,r){return e?Wc.stringifyCollection(this,e,{blockItemPrefix:"- ",flowChars:{start:"[",end:"]"},itemIndent:(e.indent||"")+"  ",onChompKeep:r,onComment:t}):JSON.stringify(this)}static from(e,t,r){let{replacer:i}=r,n=new this(e);if(t&&Symbol.iterator in Object(t)){let o=0;for(let a of t){if(typeof i=="function"){let l=t instanceof Set?a:String(o++);a=i.call(t,l,a)}n.items.push(Jc.createNode(a,void 0,r))}}return n}};function rs(s){let e=is.isScalar(s)?s.value:s;return e&&typeof e=="string"&&(e=Number(e)),typeof e=="number"&&Number.isInteger(e)&&e>=0?e:null}Mn.YAMLSeq=hr});var Me=w(Rn=>{"use strict";var Qc=q(),Pn=me(),Xc={collection:"seq",default:!0,nodeClass:Pn.YAMLSeq,tag:"tag:yaml.org,2002:seq",resolve(s,e){return Qc.isSeq(s)||e("Expected a sequence for this tag"),s},createNode:(s,e,t)=>Pn.YAMLSeq.from(s,e,t)};Rn.seq=Xc});var ot=w(Dn=>{"use strict";var Zc=st(),eu={identify:s=>typeof s=="string",default:!0,tag:"tag:yaml.org,2002:str",resolve:s=>s,stringify(s,e,t,r){return e=Object.assign({actualString:!0},e),Zc.stringifyString(s,e,t,r)}};Dn.string=eu});var ns=w(jn=>{"use strict";var xn=M(),Yn={identify:s=>s==null,createNode:()=>new xn.Scalar(null),default:!0,tag:"tag:yaml.org,2002:null",test:/^(?:~|[Nn]ull|NULL)?$/,resolve:()=>new xn.Scalar(null),stringify:({source:s},e)=>typeof s=="string"&&Yn.test.test(s)?s:e.options.nullStr};jn.nullTag=Yn});var gr=w(Fn=>{"use strict";var tu=M(),Bn={identify:s=>typeof s=="boolean",default:!0,tag:"tag:yaml.org,2002:bool",test:/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,resolve:s=>new tu.Scalar(s[0]==="t"||s[0]==="T"),stringify({source:s,value:e},t){if(s&&Bn.test.test(s)){let r=s[0]==="t"||s[0]==="T";if(e===r)return s}return e?t.options.trueStr:t.options.falseStr}};Fn.boolTag=Bn});var Pe=w(Vn=>{"use strict";function su({format:s,minFractionDigits:e,tag:t,value:r}){if(typeof r=="bigint")return String(r);let i=typeof r=="number"?r:Number(r);if(!isFinite(i))return isNaN(i)?".nan":i<0?"-.inf":".inf";let n=Object.is(r,-0)?"-0":JSON.stringify(r);if(!s&&e&&(!t||t==="tag:yaml.org,2002:float")&&/^-?\d/.test(n)&&!n.includes("e")){let o=n.indexOf(".");o<0&&(o=n.length,n+=".");let a=e-(n.length-o-1);for(;a-- >0;)n+="0"}return n}Vn.stringifyNumber=su});var br=w(os=>{"use strict";var ru=M(),_r=Pe(),iu={identify:s=>typeof s=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,resolve:s=>s.slice(-3).toLowerCase()==="nan"?NaN:s[0]==="-"?Number.NEGATIVE_INFINITY:Number.POSITIVE_INFINITY,stringify:_r.stringifyNumber},nu={identify:s=>typeof s=="number",default:!0,tag:"tag:yaml.org,2002:float",format:"EXP",test:/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,resolve:s=>parseFloat(s),stringify(s){let e=Number(s.value);return isFinite(e)?e.toExponential():_r.stringifyNumber(s)}},ou={identify:s=>typeof s=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,resolve(s){let e=new ru.Scalar(parseFloat(s)),t=s.indexOf(".");return t!==-1&&s[s.length-1]==="0"&&(e.minFractionDigits=s.length-t-1),e},stringify:_r.stringifyNumber};os.float=ou;os.floatExp=nu;os.floatNaN=iu});var Sr=w(ls=>{"use strict";var Kn=Pe(),as=s=>typeof s=="bigint"||Number.isInteger(s),kr=(s,e,t,{intAsBigInt:r})=>r?BigInt(s):parseInt(s.substring(e),t);function Un(s,e,t){let{value:r}=s;return as(r)&&r>=0?t+r.toString(e):Kn.stringifyNumber(s)}var au={identify:s=>as(s)&&s>=0,default:!0,tag:"tag:yaml.org,2002:int",format:"OCT",test:/^0o[0-7]+$/,resolve:(s,e,t)=>kr(s,2,8,t),stringify:s=>Un(s,8,"0o")},lu={identify:as,default:!0,tag:"tag:yaml.org,2002:int",test:/^[-+]?[0-9]+$/,resolve:(s,e,t)=>kr(s,0,10,t),stringify:Kn.stringifyNumber},cu={identify:s=>as(s)&&s>=0,default:!0,tag:"tag:yaml.org,2002:int",format:"HEX",test:/^0x[0-9a-fA-F]+$/,resolve:(s,e,t)=>kr(s,2,16,t),stringify:s=>Un(s,16,"0x")};ls.int=lu;ls.intHex=cu;ls.intOct=au});var Wn=w(Jn=>{"use strict";var uu=Le(),fu=ns(),pu=Me(),du=ot(),mu=gr(),wr=br(),vr=Sr(),yu=[uu.map,pu.seq,du.string,fu.nullTag,mu.boolTag,vr.intOct,vr.int,vr.intHex,wr.floatNaN,wr.floatExp,wr.float];Jn.schema=yu});var zn=w(Hn=>{"use strict";var hu=M(),gu=Le(),_u=Me();function Gn(s){return typeof s=="bigint"||Number.isInteger(s)}var cs=({value:s})=>JSON.stringify(s),bu=[{identify:s=>typeof s=="string",default:!0,tag:"tag:yaml.org,2002:str",resolve:s=>s,stringify:cs},{identify:s=>s==null,createNode:()=>new hu.Scalar(null),default:!0,tag:"tag:yaml.org,2002:null",test:/^null$/,resolve:()=>null,stringify:cs},{identify:s=>typeof s=="boolean",default:!0,tag:"tag:yaml.org,2002:bool",test:/^true$|^false$/,resolve:s=>s==="true",stringify:cs},{identify:Gn,default:!0,tag:"tag:yaml.org,2002:int",test:/^-?(?:0|[1-9][0-9]*)$/,resolve:(s,e,{intAsBigInt:t})=>t?BigInt(s):parseInt(s,10),stringify:({value:s})=>Gn(s)?s.toString():JSON.stringify(s)},{identify:s=>typeof s=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,resolve:s=>parseFloat(s),stringify:cs}],ku={default:!0,tag:"",test:/^/,resolve(s,e){return e(`Unresolved plain scalar ${JSON.stringify(s)}`),s}},Su=[gu.map,_u.seq].concat(bu,ku);Hn.schema=Su});var $r=w(Qn=>{"use strict";var at=Ct("buffer"),Ar=M(),wu=st(),vu={identify:s=>s instanceof Uint8Array,default:!1,tag:"tag:yaml.org,2002:binary",resolve(s,e){if(typeof at.Buffer=="function")return at.Buffer.from(s,"base64");if(typeof atob=="function"){let t=atob(s.replace(/[\n\r]/g,"")),r=new Uint8Array(t.length);for(let i=0;i<t.length;++i)r[i]=t.charCodeAt(i);return r}else return e("This environment does not support reading binary tags; either Buffer or atob is required"),s},stringify({comment:s,type:e,value:t},r,i,n){if(!t)return"";let o=t,a;if(typeof at.Buffer=="function")a=o instanceof at.Buffer?o.toString("base64"):at.Buffer.from(o.buffer).toString("base64");else if(typeof btoa=="function"){let l="";for(let c=0;c<o.length;++c)l+=String.fromCharCode(o[c]);a=btoa(l)}else throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");if(e??(e=Ar.Scalar.BLOCK_LITERAL),e!==Ar.Scalar.QUOTE_DOUBLE){let l=Math.max(r.options.lineWidth-r.indent.length,r.options.minContentWidth),c=Math.ceil(a.length/l),y=new Array(c);for(let f=0,u=0;f<c;++f,u+=l)y[f]=a.substr(u,l);a=y.join(e===Ar.Scalar.BLOCK_LITERAL?`
`:" ")}return wu.stringifyString({comment:s,type:e,value:a},r,i,n)}};Qn.binary=vu});var ps=w(fs=>{"use strict";var us=q(),Or=fe(),Au=M(),$u=me();function Xn(s,e){if(us.isSeq(s))for(let t=0;t<s.items.length;++t){let r=s.items[t];if(!us.isPair(r)){if(us.isMap(r)){r.items.length>1&&e("Each pair must have its own sequence indicator");let i=r.items[0]||new Or.Pair(new Au.Scalar(null));if(r.commentBefore&&(i.key.commentBefore=i.key.commentBefore?`${r.commentBefore}
${i.key.commentBefore}`:r.commentBefore),r.comment){let n=i.value??i.key;n.comment=n.comment?`${r.comment}
${n.comment}`:r.comment}r=i}s.items[t]=us.isPair(r)?r:new Or.Pair(r)}}else e("Expected a sequence for this tag");return s}function Zn(s,e,t){let{replacer:r}=t,i=new $u.YAMLSeq(s);i.tag="tag:yaml.org,2002:pairs";let n=0;if(e&&Symbol.iterator in Object(e))for(let o of e){typeof r=="function"&&(o=r.call(e,String(n++),o));let a,l;if(Array.isArray(o))if(o.length===2)a=o[0],l=o[1];else throw new TypeError(`Expected [key, value] tuple: ${o}`);else if(o&&o instanceof Object){let c=Object.keys(o);if(c.length===1)a=c[0],l=o[a];else throw new TypeError(`Expected tuple with one key, not ${c.length} keys`)}else a=o;i.items.push(Or.createPair(a,l,t))}return i}var Ou={collection:"seq",default:!1,tag:"tag:yaml.org,2002:pairs",resolve:Xn,createNode:Zn};fs.createPairs=Zn;fs.pairs=Ou;fs.resolvePairs=Xn});var qr=w(Nr=>{"use strict";var eo=q(),Er=ae(),lt=de(),Eu=me(),to=ps(),we=class s extends Eu.YAMLSeq{constructor(){super(),this.add=lt.YAMLMap.prototype.add.bind(this),this.delete=lt.YAMLMap.prototype.delete.bind(this),this.get=lt.YAMLMap.prototype.get.bind(this),this.has=lt.YAMLMap.prototype.has.bind(this),this.set=lt.YAMLMap.prototype.set.bind(this),this.tag=s.tag}toJSON(e,t){if(!t)return super.toJSON(e);let r=new Map;t?.onCreate&&t.onCreate(r);for(let i of this.items){let n,o;if(eo.isPair(i)?(n=Er.toJS(i.key,"",t),o=Er.toJS(i.value,n,t)):n=Er.toJS(i,"",t),r.has(n))throw new Error("Ordered maps must not include duplicate keys");r.set(n,o)}return r}static from(e,t,r){let i=to.createPairs(e,t,r),n=new this;return n.items=i.items,n}};we.tag="tag:yaml.org,2002:omap";var Nu={collection:"seq",identify:s=>s instanceof Map,nodeClass:we,default:!1,tag:"tag:yaml.org,2002:omap",resolve(s,e){let t=to.resolvePairs(s,e),r=[];for(let{key:i}of t.items)eo.isScalar(i)&&(r.includes(i.value)?e(`Ordered maps must not include duplicate keys: ${i.value}`):r.push(i.value));return Object.assign(new we,t)},createNode:(s,e,t)=>we.from(s,e,t)};Nr.YAMLOMap=we;Nr.omap=Nu});var oo=w(Ir=>{"use strict";var so=M();function ro({value:s,source:e},t){return e&&(s?io:no).test.test(e)?e:s?t.options.trueStr:t.options.falseStr}var io={identify:s=>s===!0,default:!0,tag:"tag:yaml.org,2002:bool",test:/^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,resolve:()=>new so.Scalar(!0),stringify:ro},no={identify:s=>s===!1,default:!0,tag:"tag:yaml.org,2002:bool",test:/^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,resolve:()=>new so.Scalar(!1),stringify:ro};Ir.falseTag=no;Ir.trueTag=io});var ao=w(ds=>{"use strict";var qu=M(),Tr=Pe(),Iu={identify:s=>typeof s=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,resolve:s=>s.slice(-3).toLowerCase()==="nan"?NaN:s[0]==="-"?Number.NEGATIVE_INFINITY:Number.POSITIVE_INFINITY,stringify:Tr.stringifyNumber},Tu={identify:s=>typeof s=="number",default:!0,tag:"tag:yaml.org,2002:float",format:"EXP",test:/^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,resolve:s=>parseFloat(s.replace(/_/g,"")),stringify(s){let e=Number(s.value);return isFinite(e)?e.toExponential():Tr.stringifyNumber(s)}},Cu={identify:s=>typeof s=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,resolve(s){let e=new qu.Scalar(parseFloat(s.replace(/_/g,""))),t=s.indexOf(".");if(t!==-1){let r=s.substring(t+1).replace(/_/g,"");r[r.length-1]==="0"&&(e.minFractionDigits=r.length)}return e},stringify:Tr.stringifyNumber};ds.float=Cu;ds.floatExp=Tu;ds.floatNaN=Iu});var co=w(ut=>{"use strict";var lo=Pe(),ct=s=>typeof s=="bigint"||Number.isInteger(s);function ms(s,e,t,{intAsBigInt:r}){let i=s[0];if((i==="-"||i==="+")&&(e+=1),s=s.substring(e).replace(/_/g,""),r){switch(t){case 2:s=`0b${s}`;break;case 8:s=`0o${s}`;break;case 16:s=`0x${s}`;break}let o=BigInt(s);return i==="-"?BigInt(-1)*o:o}let n=parseInt(s,t);return i==="-"?-1*n:n}function Cr(s,e,t){let{value:r}=s;if(ct(r)){let i=r.toString(e);return r<0?"-"+t+i.substr(1):t+i}return lo.stringifyNumber(s)}var Lu={identify:ct,default:!0,tag:"tag:yaml.org,2002:int",format:"BIN",test:/^[-+]?0b[0-1_]+$/,resolve:(s,e,t)=>ms(s,2,2,t),stringify:s=>Cr(s,2,"0b")},Mu={identify:ct,default:!0,tag:"tag:yaml.org,2002:int",format:"OCT",test:/^[-+]?0[0-7_]+$/,resolve:(s,e,t)=>ms(s,1,8,t),stringify:s=>Cr(s,8,"0")},Pu={identify:ct,default:!0,tag:"tag:yaml.org,2002:int",test:/^[-+]?[0-9][0-9_]*$/,resolve:(s,e,t)=>ms(s,0,10,t),stringify:lo.stringifyNumber},Ru={identify:ct,default:!0,tag:"tag:yaml.org,2002:int",format:"HEX",test:/^[-+]?0x[0-9a-fA-F_]+$/,resolve:(s,e,t)=>ms(s,2,16,t),stringify:s=>Cr(s,16,"0x")};ut.int=Pu;ut.intBin=Lu;ut.intHex=Ru;ut.intOct=Mu});var Mr=w(Lr=>{"use strict";var gs=q(),ys=fe(),hs=de(),ve=class s extends hs.YAMLMap{constructor(e){super(e),this.tag=s.tag}add(e){let t;gs.isPair(e)?t=e:e&&typeof e=="object"&&"key"in e&&"value"in e&&e.value===null?t=new ys.Pair(e.key,null):t=new ys.Pair(e,null),hs.findPair(this.items,t.key)||this.items.push(t)}get(e,t){let r=hs.findPair(this.items,e);return!t&&gs.isPair(r)?gs.isScalar(r.key)?r.key.value:r.key:r}set(e,t){if(typeof t!="boolean")throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof t}`);let r=hs.findPair(this.items,e);r&&!t?this.items.splice(this.items.indexOf(r),1):!r&&t&&this.items.push(new ys.Pair(e))}toJSON(e,t){return super.toJSON(e,t,Set)}toString(e,t,r){if(!e)return JSON.stringify(this);if(this.hasAllNullValues(!0))return super.toString(Object.assign({},e,{allNullValues:!0}),t,r);throw new Error("Set items must all have null values")}static from(e,t,r){let{replacer:i}=r,n=new this(e);if(t&&Symbol.iterator in Object(t))for(let o of t)typeof i=="function"&&(o=i.call(t,o,o)),n.items.push(ys.createPair(o,null,r));return n}};ve.tag="tag:yaml.org,2002:set";var Du={collection:"map",identify:s=>s instanceof Set,nodeClass:ve,default:!1,tag:"tag:yaml.org,2002:set",createNode:(s,e,t)=>ve.from(s,e,t),resolve(s,e){if(gs.isMap(s)){if(s.hasAllNullValues(!0))return Object.assign(new ve,s);e("Set items must all have null values")}else e("Expected a mapping for this tag");return s}};Lr.YAMLSet=ve;Lr.set=Du});var Rr=w(_s=>{"use strict";var xu=Pe();function Pr(s,e){let t=s[0],r=t==="-"||t==="+"?s.substring(1):s,i=o=>e?BigInt(o):Number(o),n=r.replace(/_/g,"").split(":").reduce((o,a)=>o*i(60)+i(a),i(0));return t==="-"?i(-1)*n:n}function uo(s){let{value:e}=s,t=o=>o;if(typeof e=="bigint")t=o=>BigInt(o);else if(isNaN(e)||!isFinite(e))return xu.stringifyNumber(s);let r="";e<0&&(r="-",e*=t(-1));let i=t(60),n=[e%i];return e<60?n.unshift(0):(e=(e-n[0])/i,n.unshift(e%i),e>=60&&(e=(e-n[0])/i,n.unshift(e))),r+n.map(o=>String(o).padStart(2,"0")).join(":").replace(/000000\d*$/,"")}var Yu={identify:s=>typeof s=="bigint"||Number.isInteger(s),default:!0,tag:"tag:yaml.org,2002:int",format:"TIME",test:/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,resolve:(s,e,{intAsBigInt:t})=>Pr(s,t),stringify:uo},ju={identify:s=>typeof s=="number",default:!0,tag:"tag:yaml.org,2002:float",format:"TIME",test:/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,resolve:s=>Pr(s,!1),stringify:uo},fo={identify:s=>s instanceof Date,default:!0,tag:"tag:yaml.org,2002:timestamp",test:RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),resolve(s){let e=s.match(fo.test);if(!e)throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");let[,t,r,i,n,o,a]=e.map(Number),l=e[7]?Number((e[7]+"00").substr(1,3)):0,c=Date.UTC(t,r-1,i,n||0,o||0,a||0,l),y=e[8];if(y&&y!=="Z"){let f=Pr(y,!1);Math.abs(f)<30&&(f*=60),c-=6e4*f}return new Date(c)},stringify:({value:s})=>s?.toISOString().replace(/(T00:00:00)?\.000Z$/,"")??""};_s.floatTime=ju;_s.intTime=Yu;_s.timestamp=fo});var yo=w(mo=>{"use strict";var Bu=Le(),Fu=ns(),Vu=Me(),Ku=ot(),Uu=$r(),po=oo(),Dr=ao(),bs=co(),Ju=Qt(),Wu=qr(),Gu=ps(),Hu=Mr(),xr=Rr(),zu=[Bu.map,Vu.seq,Ku.string,Fu.nullTag,po.trueTag,po.falseTag,bs.intBin,bs.intOct,bs.int,bs.intHex,Dr.floatNaN,Dr.floatExp,Dr.float,Uu.binary,Ju.merge,Wu.omap,Gu.pairs,Hu.set,xr.intTime,xr.floatTime,xr.timestamp];mo.schema=zu});var $o=w(Br=>{"use strict";var bo=Le(),Qu=ns(),ko=Me(),Xu=ot(),Zu=gr(),Yr=br(),jr=Sr(),ef=Wn(),tf=zn(),So=$r(),ft=Qt(),wo=qr(),vo=ps(),ho=yo(),Ao=Mr(),ks=Rr(),go=new Map([["core",ef.schema],["failsafe",[bo.map,ko.seq,Xu.string]],["json",tf.schema],["yaml11",ho.schema],["yaml-1.1",ho.schema]]),_o={binary:So.binary,bool:Zu.boolTag,float:Yr.float,floatExp:Yr.floatExp,floatNaN:Yr.floatNaN,floatTime:ks.floatTime,int:jr.int,intHex:jr.intHex,intOct:jr.intOct,intTime:ks.intTime,map:bo.map,merge:ft.merge,null:Qu.nullTag,omap:wo.omap,pairs:vo.pairs,seq:ko.seq,set:Ao.set,timestamp:ks.timestamp},sf={"tag:yaml.org,2002:binary":So.binary,"tag:yaml.org,2002:merge":ft.merge,"tag:yaml.org,2002:omap":wo.omap,"tag:yaml.org,2002:pairs":vo.pairs,"tag:yaml.org,2002:set":Ao.set,"tag:yaml.org,2002:timestamp":ks.timestamp};function rf(s,e,t){let r=go.get(e);if(r&&!s)return t&&!r.includes(ft.merge)?r.concat(ft.merge):r.slice();let i=r;if(!i)if(Array.isArray(s))i=[];else{let n=Array.from(go.keys()).filter(o=>o!=="yaml11").map(o=>JSON.stringify(o)).join(", ");throw new Error(`Unknown schema "${e}"; use one of ${n} or define customTags array`)}if(Array.isArray(s))for(let n of s)i=i.concat(n);else typeof s=="function"&&(i=s(i.slice()));return t&&(i=i.concat(ft.merge)),i.reduce((n,o)=>{let a=typeof o=="string"?_o[o]:o;if(!a){let l=JSON.stringify(o),c=Object.keys(_o).map(y=>JSON.stringify(y)).join(", ");throw new Error(`Unknown custom tag ${l}; use one of ${c}`)}return n.includes(a)||n.push(a),n},[])}Br.coreKnownTags=sf;Br.getTags=rf});var Kr=w(Oo=>{"use strict";var Fr=q(),nf=Le(),of=Me(),af=ot(),Ss=$o(),lf=(s,e)=>s.key<e.key?-1:s.key>e.key?1:0,Vr=class s{constructor({compat:e,customTags:t,merge:r,resolveKnownTags:i,schema:n,sortMapEntries:o,toStringDefaults:a}){this.compat=Array.isArray(e)?Ss.getTags(e,"compat"):e?Ss.getTags(null,e):null,this.name=typeof n=="string"&&n||"core",this.knownTags=i?Ss.coreKnownTags:{},this.tags=Ss.getTags(t,this.name,r),this.toStringOptions=a??null,Object.defineProperty(this,Fr.MAP,{value:nf.map}),Object.defineProperty(this,Fr.SCALAR,{value:af.string}),Object.defineProperty(this,Fr.SEQ,{value:of.seq}),this.sortMapEntries=typeof o=="function"?o:o===!0?lf:null}clone(){let e=Object.create(s.prototype,Object.getOwnPropertyDescriptors(this));return e.tags=this.tags.slice(),e}};Oo.Schema=Vr});var No=w(Eo=>{"use strict";var cf=q(),Ur=rt(),pt=Ze();function uf(s,e){let t=[],r=e.directives===!0;if(e.directives!==!1&&s.directives){let l=s.directives.toString(s);l?(t.push(l),r=!0):s.directives.docStart&&(r=!0)}r&&t.push("---");let i=Ur.createStringifyContext(s,e),{commentString:n}=i.options;if(s.commentBefore){t.length!==1&&t.unshift("");let l=n(s.commentBefore);t.unshift(pt.indentComment(l,""))}let o=!1,a=null;if(s.contents){if(cf.isNode(s.contents)){if(s.contents.spaceBefore&&r&&t.push(""),s.contents.commentBefore){let y=n(s.contents.commentBefore);t.push(pt.indentComment(y,""))}i.forceBlockIndent=!!s.comment,a=s.contents.comment}let l=a?void 0:()=>o=!0,c=Ur.stringify(s.contents,i,()=>a=null,l);a&&(c+=pt.lineComment(c,"",n(a))),(c[0]==="|"||c[0]===">")&&t[t.length-1]==="---"?t[t.length-1]=`--- ${c}`:t.push(c)}else t.push(Ur.stringify(s.contents,i));if(s.directives?.docEnd)if(s.comment){let l=n(s.comment);l.includes(`
`)?(t.push("..."),t.push(pt.indentComment(l,""))):t.push(`... ${l}`)}else t.push("...");else{let l=s.comment;l&&o&&(l=l.replace(/^\n+/,"")),l&&((!o||a)&&t[t.length-1]!==""&&t.push(""),t.push(pt.indentComment(n(l),"")))}return t.join(`
`)+`
`}Eo.stringifyDocument=uf});var dt=w(qo=>{"use strict";var ff=Qe(),Re=Bt(),W=q(),pf=fe(),df=ae(),mf=Kr(),yf=No(),Jr=Dt(),hf=zs(),gf=Xe(),Wr=Hs(),Gr=class s{constructor(e,t,r){this.commentBefore=null,this.comment=null,this.errors=[],this.warnings=[],Object.defineProperty(this,W.NODE_TYPE,{value:W.DOC});let i=null;typeof t=="function"||Array.isArray(t)?i=t:r===void 0&&t&&(r=t,t=void 0);let n=Object.assign({intAsBigInt:!1,keepSourceTokens:!1,logLevel:"warn",prettyErrors:!0,strict:!0,stringKeys:!1,uniqueKeys:!0,version:"1.2"},r);this.options=n;let{version:o}=n;r?._directives?(this.directives=r._directives.atDocument(),this.directives.yaml.explicit&&(o=this.directives.yaml.version)):this.directives=new Wr.Directives({version:o}),this.setSchema(o,r),this.contents=e===void 0?null:this.createNode(e,i,r)}clone(){let e=Object.create(s.prototype,{[W.NODE_TYPE]:{value:W.DOC}});return e.commentBefore=this.commentBefore,e.comment=this.comment,e.errors=this.errors.slice(),e.warnings=this.warnings.slice(),e.options=Object.assign({},this.options),this.directives&&(e.directives=this.directives.clone()),e.schema=this.schema.clone(),e.contents=W.isNode(this.contents)?this.contents.clone(e.schema):this.contents,this.range&&(e.range=this.range.slice()),e}add(e){De(this.contents)&&this.contents.add(e)}addIn(e,t){De(this.contents)&&this.contents.addIn(e,t)}createAlias(e,t){if(!e.anchor){let r=Jr.anchorNames(this);e.anchor=!t||r.has(t)?Jr.findNewAnchor(t||"a",r):t}return new ff.Alias(e.anchor)}createNode(e,t,r){let i;if(typeof t=="function")e=t.call({"":e},"",e),i=t;else if(Array.isArray(t)){let h=S=>typeof S=="number"||S instanceof String||S instanceof Number,g=t.filter(h).map(String);g.length>0&&(t=t.concat(g)),i=t}else r===void 0&&t&&(r=t,t=void 0);let{aliasDuplicateObjects:n,anchorPrefix:o,flow:a,keepUndefined:l,onTagObj:c,tag:y}=r??{},{onAnchor:f,setAnchors:u,sourceObjects:m}=Jr.createNodeAnchors(this,o||"a"),d={aliasDuplicateObjects:n??!0,keepUndefined:l??!1,onAnchor:f,onTagObj:c,replacer:i,schema:this.schema,sourceObjects:m},p=gf.createNode(e,y,d);return a&&W.isCollection(p)&&(p.flow=!0),u(),p}createPair(e,t,r={}){let i=this.createNode(e,null,r),n=this.createNode(t,null,r);return new pf.Pair(i,n)}delete(e){return De(this.contents)?this.contents.delete(e):!1}deleteIn(e){return Re.isEmptyPath(e)?this.contents==null?!1:(this.contents=null,!0):De(this.contents)?this.contents.deleteIn(e):!1}get(e,t){return W.isCollection(this.contents)?this.contents.get(e,t):void 0}getIn(e,t){return Re.isEmptyPath(e)?!t&&W.isScalar(this.contents)?this.contents.value:this.contents:W.isCollection(this.contents)?this.contents.getIn(e,t):void 0}has(e){return W.isCollection(this.contents)?this.contents.has(e):!1}hasIn(e){return Re.isEmptyPath(e)?this.contents!==void 0:W.isCollection(this.contents)?this.contents.hasIn(e):!1}set(e,t){this.contents==null?this.contents=Re.collectionFromPath(this.schema,[e],t):De(this.contents)&&this.contents.set(e,t)}setIn(e,t){Re.isEmptyPath(e)?this.contents=t:this.contents==null?this.contents=Re.collectionFromPath(this.schema,Array.from(e),t):De(this.contents)&&this.contents.setIn(e,t)}setSchema(e,t={}){typeof e=="number"&&(e=String(e));let r;switch(e){case"1.1":this.directives?this.directives.yaml.version="1.1":this.directives=new Wr.Directives({version:"1.1"}),r={resolveKnownTags:!1,schema:"yaml-1.1"};break;case"1.2":case"next":this.directives?this.directives.yaml.version=e:this.directives=new Wr.Directives({version:e}),r={resolveKnownTags:!0,schema:"core"};break;case null:this.directives&&delete this.directives,r=null;break;default:{let i=JSON.stringify(e);throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${i}`)}}if(t.schema instanceof Object)this.schema=t.schema;else if(r)this.schema=new mf.Schema(Object.assign(r,t));else throw new Error("With a null YAML version, the { schema: Schema } option is required")}toJS({json:e,jsonArg:t,mapAsMap:r,maxAliasCount:i,onAnchor:n,reviver:o}={}){let a={anchors:new Map,doc:this,keep:!e,mapAsMap:r===!0,mapKeyWarned:!1,maxAliasCount:typeof i=="number"?i:100},l=df.toJS(this.contents,t??"",a);if(typeof n=="function")for(let{count:c,res:y}of a.anchors.values())n(y,c);return typeof o=="function"?hf.applyReviver(o,{"":l},"",l):l}toJSON(e,t){return this.toJS({json:!0,jsonArg:e,mapAsMap:!1,onAnchor:t})}toString(e={}){if(this.errors.length>0)throw new Error("Document with errors cannot be stringified");if("indent"in e&&(!Number.isInteger(e.indent)||Number(e.indent)<=0)){let t=JSON.stringify(e.indent);throw new Error(`"indent" option must be a positive integer, not ${t}`)}return yf.stringifyDocument(this,e)}};function De(s){if(W.isCollection(s))return!0;throw new Error("Expected a YAML collection as document contents")}qo.Document=Gr});var ht=w(yt=>{"use strict";var mt=class extends Error{constructor(e,t,r,i){super(),this.name=e,this.code=r,this.message=i,this.pos=t}},Hr=class extends mt{constructor(e,t,r){super("YAMLParseError",e,t,r)}},zr=class extends mt{constructor(e,t,r){super("YAMLWarning",e,t,r)}},_f=(s,e)=>t=>{if(t.pos[0]===-1)return;t.linePos=t.pos.map(a=>e.linePos(a));let{line:r,col:i}=t.linePos[0];t.message+=` at line ${r}, column ${i}`;let n=i-1,o=s.substring(e.lineStarts[r-1],e.lineStarts[r]).replace(/[\n\r]+$/,"");if(n>=60&&o.length>80){let a=Math.min(n-39,o.length-79);o="\u2026"+o.substring(a),n-=a-1}if(o.length>80&&(o=o.substring(0,79)+"\u2026"),r>1&&/^ *$/.test(o.substring(0,n))){let a=s.substring(e.lineStarts[r-2],e.lineStarts[r-1]);a.length>80&&(a=a.substring(0,79)+`\u2026
`),o=a+o}if(/[^ ]/.test(o)){let a=1,l=t.linePos[1];l?.line===r&&l.col>i&&(a=Math.max(1,Math.min(l.col-i,80-n)));let c=" ".repeat(n)+"^".repeat(a);t.message+=`:

${o}
${c}
`}};yt.YAMLError=mt;yt.YAMLParseError=Hr;yt.YAMLWarning=zr;yt.prettifyError=_f});var gt=w(Io=>{"use strict";function bf(s,{flow:e,indicator:t,next:r,offset:i,onError:n,parentIndent:o,startOnNewline:a}){let l=!1,c=a,y=a,f="",u="",m=!1,d=!1,p=null,h=null,g=null,S=null,v=null,A=null,b=null;for(let k of s)switch(d&&(k.type!=="space"&&k.type!=="newline"&&k.type!=="comma"&&n(k.offset,"MISSING_CHAR","Tags and anchors must be separated from the next token by white space"),d=!1),p&&(c&&k.type!=="comment"&&k.type!=="newline"&&n(p,"TAB_AS_INDENT","Tabs are not allowed as indentation"),p=null),k.type){case"space":!e&&(t!=="doc-start"||r?.type!=="flow-collection")&&k.source.includes("	")&&(p=k),y=!0;break;case"comment":{y||n(k,"MISSING_CHAR","Comments must be separated from other tokens by white space characters");let N=k.source.substring(1)||" ";f?f+=u+N:f=N,u="",c=!1;break}case"newline":c?f?f+=k.source:(!A||t!=="seq-item-ind")&&(l=!0):u+=k.source,c=!0,m=!0,(h||g)&&(S=k),y=!0;break;case"anchor":h&&n(k,"MULTIPLE_ANCHORS","A node can have at most one anchor"),k.source.endsWith(":")&&n(k.offset+k.source.length-1,"BAD_ALIAS","Anchor ending in : is ambiguous",!0),h=k,b??(b=k.offset),c=!1,y=!1,d=!0;break;case"tag":{g&&n(k,"MULTIPLE_TAGS","A node can have at most one tag"),g=k,b??(b=k.offset),c=!1,y=!1,d=!0;break}case t:(h||g)&&n(k,"BAD_PROP_ORDER",`Anchors and tags must be after the ${k.source} indicator`),A&&n(k,"UNEXPECTED_TOKEN",`Unexpected ${k.source} in ${e??"collection"}`),A=k,c=t==="seq-item-ind"||t==="explicit-key-ind",y=!1;break;case"comma":if(e){v&&n(k,"UNEXPECTED_TOKEN",`Unexpected , in ${e}`),v=k,c=!1,y=!1;break}default:n(k,"UNEXPECTED_TOKEN",`Unexpected ${k.type} token`),c=!1,y=!1}let _=s[s.length-1],E=_?_.offset+_.source.length:i;return d&&r&&r.type!=="space"&&r.type!=="newline"&&r.type!=="comma"&&(r.type!=="scalar"||r.source!=="")&&n(r.offset,"MISSING_CHAR","Tags and anchors must be separated from the next token by white space"),p&&(c&&p.indent<=o||r?.type==="block-map"||r?.type==="block-seq")&&n(p,"TAB_AS_INDENT","Tabs are not allowed as indentation"),{comma:v,found:A,spaceBefore:l,comment:f,hasNewline:m,anchor:h,tag:g,newlineAfterProp:S,end:E,start:b??E}}Io.resolveProps=bf});var ws=w(To=>{"use strict";function Qr(s){if(!s)return null;switch(s.type){case"alias":case"scalar":case"double-quoted-scalar":case"single-quoted-scalar":if(s.source.includes(`
`))return!0;if(s.end){for(let e of s.end)if(e.type==="newline")return!0}return!1;case"flow-collection":for(let e of s.items){for(let t of e.start)if(t.type==="newline")return!0;if(e.sep){for(let t of e.sep)if(t.type==="newline")return!0}if(Qr(e.key)||Qr(e.value))return!0}return!1;default:return!0}}To.containsNewline=Qr});var Xr=w(Co=>{"use strict";var kf=ws();function Sf(s,e,t){if(e?.type==="flow-collection"){let r=e.end[0];r.indent===s&&(r.source==="]"||r.source==="}")&&kf.containsNewline(e)&&t(r,"BAD_INDENT","Flow end indicator should be more indented than parent",!0)}}Co.flowIndentCheck=Sf});var Zr=w(Mo=>{"use strict";var Lo=q();function wf(s,e,t){let{uniqueKeys:r}=s.options;if(r===!1)return!1;let i=typeof r=="function"?r:(n,o)=>n===o||Lo.isScalar(n)&&Lo.isScalar(o)&&n.value===o.value;return e.some(n=>i(n.key,t))}Mo.mapIncludes=wf});var jo=w(Yo=>{"use strict";var Po=fe(),vf=de(),Ro=gt(),Af=ws(),Do=Xr(),$f=Zr(),xo="All mapping items must start at the same column";function Of({composeNode:s,composeEmptyNode:e},t,r,i,n){let o=n?.nodeClass??vf.YAMLMap,a=new o(t.schema);t.atRoot&&(t.atRoot=!1);let l=r.offset,c=null;for(let y of r.items){let{start:f,key:u,sep:m,value:d}=y,p=Ro.resolveProps(f,{indicator:"explicit-key-ind",next:u??m?.[0],offset:l,onError:i,parentIndent:r.indent,startOnNewline:!0}),h=!p.found;if(h){if(u&&(u.type==="block-seq"?i(l,"BLOCK_AS_IMPLICIT_KEY","A block sequence may not be used as an implicit map key"):"indent"in u&&u.indent!==r.indent&&i(l,"BAD_INDENT",xo)),!p.anchor&&!p.tag&&!m){c=p.end,p.comment&&(a.comment?a.comment+=`
`+p.comment:a.comment=p.comment);continue}(p.newlineAfterProp||Af.containsNewline(u))&&i(u??f[f.length-1],"MULTILINE_IMPLICIT_KEY","Implicit keys need to be on a single line")}else p.found?.indent!==r.indent&&i(l,"BAD_INDENT",xo);t.atKey=!0;let g=p.end,S=u?s(t,u,p,i):e(t,g,f,null,p,i);t.schema.compat&&Do.flowIndentCheck(r.indent,u,i),t.atKey=!1,$f.mapIncludes(t,a.items,S)&&i(g,"DUPLICATE_KEY","Map keys must be unique");let v=Ro.resolveProps(m??[],{indicator:"map-value-ind",next:d,offset:S.range[2],onError:i,parentIndent:r.indent,startOnNewline:!u||u.type==="block-scalar"});if(l=v.end,v.found){h&&(d?.type==="block-map"&&!v.hasNewline&&i(l,"BLOCK_AS_IMPLICIT_KEY","Nested mappings are not allowed in compact mappings"),t.options.strict&&p.start<v.found.offset-1024&&i(S.range,"KEY_OVER_1024_CHARS","The : indicator must be at most 1024 chars after the start of an implicit block mapping key"));let A=d?s(t,d,v,i):e(t,l,m,null,v,i);t.schema.compat&&Do.flowIndentCheck(r.indent,d,i),l=A.range[2];let b=new Po.Pair(S,A);t.options.keepSourceTokens&&(b.srcToken=y),a.items.push(b)}else{h&&i(S.range,"MISSING_CHAR","Implicit map keys need to be followed by map values"),v.comment&&(S.comment?S.comment+=`
`+v.comment:S.comment=v.comment);let A=new Po.Pair(S);t.options.keepSourceTokens&&(A.srcToken=y),a.items.push(A)}}return c&&c<l&&i(c,"IMPOSSIBLE","Map comment with trailing content"),a.range=[r.offset,l,c??l],a}Yo.resolveBlockMap=Of});var Fo=w(Bo=>{"use strict";var Ef=me(),Nf=gt(),qf=Xr();function If({composeNode:s,composeEmptyNode:e},t,r,i,n){let o=n?.nodeClass??Ef.YAMLSeq,a=new o(t.schema);t.atRoot&&(t.atRoot=!1),t.atKey&&(t.atKey=!1);let l=r.offset,c=null;for(let{start:y,value:f}of r.items){let u=Nf.resolveProps(y,{indicator:"seq-item-ind",next:f,offset:l,onError:i,parentIndent:r.indent,startOnNewline:!0});if(!u.found)if(u.anchor||u.tag||f)f?.type==="block-seq"?i(u.end,"BAD_INDENT","All sequence items must start at the same column"):i(l,"MISSING_CHAR","Sequence item without - indicator");else{c=u.end,u.comment&&(a.comment=u.comment);continue}let m=f?s(t,f,u,i):e(t,u.end,y,null,u,i);t.schema.compat&&qf.flowIndentCheck(r.indent,f,i),l=m.range[2],a.items.push(m)}return a.range=[r.offset,l,c??l],a}Bo.resolveBlockSeq=If});var xe=w(Vo=>{"use strict";function Tf(s,e,t,r){let i="";if(s){let n=!1,o="";for(let a of s){let{source:l,type:c}=a;switch(c){case"space":n=!0;break;case"comment":{t&&!n&&r(a,"MISSING_CHAR","Comments must be separated from other tokens by white space characters");let y=l.substring(1)||" ";i?i+=o+y:i=y,o="";break}case"newline":i&&(o+=l),n=!0;break;default:r(a,"UNEXPECTED_TOKEN",`Unexpected ${c} at node end`)}e+=l.length}}return{comment:i,offset:e}}Vo.resolveEnd=Tf});var Wo=w(Jo=>{"use strict";var Cf=q(),Lf=fe(),Ko=de(),Mf=me(),Pf=xe(),Uo=gt(),Rf=ws(),Df=Zr(),ei="Block collections are not allowed within flow collections",ti=s=>s&&(s.type==="block-map"||s.type==="block-seq");function xf({composeNode:s,composeEmptyNode:e},t,r,i,n){let o=r.start.source==="{",a=o?"flow map":"flow sequence",l=n?.nodeClass??(o?Ko.YAMLMap:Mf.YAMLSeq),c=new l(t.schema);c.flow=!0;let y=t.atRoot;y&&(t.atRoot=!1),t.atKey&&(t.atKey=!1);let f=r.offset+r.start.source.length;for(let h=0;h<r.items.length;++h){let g=r.items[h],{start:S,key:v,sep:A,value:b}=g,_=Uo.resolveProps(S,{flow:a,indicator:"explicit-key-ind",next:v??A?.[0],offset:f,onError:i,parentIndent:r.indent,startOnNewline:!1});if(!_.found){if(!_.anchor&&!_.tag&&!A&&!b){h===0&&_.comma?i(_.comma,"UNEXPECTED_TOKEN",`Unexpected , in ${a}`):h<r.items.length-1&&i(_.start,"UNEXPECTED_TOKEN",`Unexpected empty item in ${a}`),_.comment&&(c.comment?c.comment+=`
`+_.comment:c.comment=_.comment),f=_.end;continue}!o&&t.options.strict&&Rf.containsNewline(v)&&i(v,"MULTILINE_IMPLICIT_KEY","Implicit keys of flow sequence pairs need to be on a single line")}if(h===0)_.comma&&i(_.comma,"UNEXPECTED_TOKEN",`Unexpected , in ${a}`);else if(_.comma||i(_.start,"MISSING_CHAR",`Missing , between ${a} items`),_.comment){let E="";e:for(let k of S)switch(k.type){case"comma":case"space":break;case"comment":E=k.source.substring(1);break e;default:break e}if(E){let k=c.items[c.items.length-1];Cf.isPair(k)&&(k=k.value??k.key),k.comment?k.comment+=`
`+E:k.comment=E,_.comment=_.comment.substring(E.length+1)}}if(!o&&!A&&!_.found){let E=b?s(t,b,_,i):e(t,_.end,A,null,_,i);c.items.push(E),f=E.range[2],ti(b)&&i(E.range,"BLOCK_IN_FLOW",ei)}else{t.atKey=!0;let E=_.end,k=v?s(t,v,_,i):e(t,E,S,null,_,i);ti(v)&&i(k.range,"BLOCK_IN_FLOW",ei),t.atKey=!1;let N=Uo.resolveProps(A??[],{flow:a,indicator:"map-value-ind",next:b,offset:k.range[2],onError:i,parentIndent:r.indent,startOnNewline:!1});if(N.found){if(!o&&!_.found&&t.options.strict){if(A)for(let T of A){if(T===N.found)break;if(T.type==="newline"){i(T,"MULTILINE_IMPLICIT_KEY","Implicit keys of flow sequence pairs need to be on a single line");break}}_.start<N.found.offset-1024&&i(N.found,"KEY_OVER_1024_CHARS","The : indicator must be at most 1024 chars after the start of an implicit flow sequence key")}}else b&&("source"in b&&b.source?.[0]===":"?i(b,"MISSING_CHAR",`Missing space after : in ${a}`):i(N.start,"MISSING_CHAR",`Missing , or : between ${a} items`));let j=b?s(t,b,N,i):N.found?e(t,N.end,A,null,N,i):null;j?ti(b)&&i(j.range,"BLOCK_IN_FLOW",ei):N.comment&&(k.comment?k.comment+=`
`+N.comment:k.comment=N.comment);let L=new Lf.Pair(k,j);if(t.options.keepSourceTokens&&(L.srcToken=g),o){let T=c;Df.mapIncludes(t,T.items,k)&&i(E,"DUPLICATE_KEY","Map keys must be unique"),T.items.push(L)}else{let T=new Ko.YAMLMap(t.schema);T.flow=!0,T.items.push(L);let Je=(j??k).range;T.range=[k.range[0],Je[1],Je[2]],c.items.push(T)}f=j?j.range[2]:N.end}}let u=o?"}":"]",[m,...d]=r.end,p=f;if(m?.source===u)p=m.offset+m.source.length;else{let h=a[0].toUpperCase()+a.substring(1),g=y?`${h} must end with a ${u}`:`${h} in block collection must be sufficiently indented and end with a ${u}`;i(f,y?"MISSING_CHAR":"BAD_INDENT",g),m&&m.source.length!==1&&d.unshift(m)}if(d.length>0){let h=Pf.resolveEnd(d,p,t.options.strict,i);h.comment&&(c.comment?c.comment+=`
`+h.comment:c.comment=h.comment),c.range=[r.offset,p,h.offset]}else c.range=[r.offset,p,p];return c}Jo.resolveFlowCollection=xf});var Ho=w(Go=>{"use strict";var Yf=q(),jf=M(),Bf=de(),Ff=me(),Vf=jo(),Kf=Fo(),Uf=Wo();function si(s,e,t,r,i,n){let o=t.type==="block-map"?Vf.resolveBlockMap(s,e,t,r,n):t.type==="block-seq"?Kf.resolveBlockSeq(s,e,t,r,n):Uf.resolveFlowCollection(s,e,t,r,n),a=o.constructor;return i==="!"||i===a.tagName?(o.tag=a.tagName,o):(i&&(o.tag=i),o)}function Jf(s,e,t,r,i){let n=r.tag,o=n?e.directives.tagName(n.source,u=>i(n,"TAG_RESOLVE_FAILED",u)):null;if(t.type==="block-seq"){let{anchor:u,newlineAfterProp:m}=r,d=u&&n?u.offset>n.offset?u:n:u??n;d&&(!m||m.offset<d.offset)&&i(d,"MISSING_CHAR","Missing newline after block sequence props")}let a=t.type==="block-map"?"map":t.type==="block-seq"?"seq":t.start.source==="{"?"map":"seq";if(!n||!o||o==="!"||o===Bf.YAMLMap.tagName&&a==="map"||o===Ff.YAMLSeq.tagName&&a==="seq")return si(s,e,t,i,o);let l=e.schema.tags.find(u=>u.tag===o&&u.collection===a);if(!l){let u=e.schema.knownTags[o];if(u?.collection===a)e.schema.tags.push(Object.assign({},u,{default:!1})),l=u;else return u?i(n,"BAD_COLLECTION_TYPE",`${u.tag} used for ${a} collection, but expects ${u.collection??"scalar"}`,!0):i(n,"TAG_RESOLVE_FAILED",`Unresolved tag: ${o}`,!0),si(s,e,t,i,o)}let c=si(s,e,t,i,o,l),y=l.resolve?.(c,u=>i(n,"TAG_RESOLVE_FAILED",u),e.options)??c,f=Yf.isNode(y)?y:new jf.Scalar(y);return f.range=c.range,f.tag=o,l?.format&&(f.format=l.format),f}Go.composeCollection=Jf});var ii=w(zo=>{"use strict";var ri=M();function Wf(s,e,t){let r=e.offset,i=Gf(e,s.options.strict,t);if(!i)return{value:"",type:null,comment:"",range:[r,r,r]};let n=i.mode===">"?ri.Scalar.BLOCK_FOLDED:ri.Scalar.BLOCK_LITERAL,o=e.source?Hf(e.source):[],a=o.length;for(let p=o.length-1;p>=0;--p){let h=o[p][1];if(h===""||h==="\r")a=p;else break}if(a===0){let p=i.chomp==="+"&&o.length>0?`
`.repeat(Math.max(1,o.length-1)):"",h=r+i.length;return e.source&&(h+=e.source.length),{value:p,type:n,comment:i.comment,range:[r,h,h]}}let l=e.indent+i.indent,c=e.offset+i.length,y=0;for(let p=0;p<a;++p){let[h,g]=o[p];if(g===""||g==="\r")i.indent===0&&h.length>l&&(l=h.length);else{h.length<l&&t(c+h.length,"MISSING_CHAR","Block scalars with more-indented leading empty lines must use an explicit indentation indicator"),i.indent===0&&(l=h.length),y=p,l===0&&!s.atRoot&&t(c,"BAD_INDENT","Block scalar values in collections must be indented");break}c+=h.length+g.length+1}for(let p=o.length-1;p>=a;--p)o[p][0].length>l&&(a=p+1);let f="",u="",m=!1;for(let p=0;p<y;++p)f+=o[p][0].slice(l)+`
`;for(let p=y;p<a;++p){let[h,g]=o[p];c+=h.length+g.length+1;let S=g[g.length-1]==="\r";if(S&&(g=g.slice(0,-1)),g&&h.length<l){let A=`Block scalar lines must not be less indented than their ${i.indent?"explicit indentation indicator":"first line"}`;t(c-g.length-(S?2:1),"BAD_INDENT",A),h=""}n===ri.Scalar.BLOCK_LITERAL?(f+=u+h.slice(l)+g,u=`
`):h.length>l||g[0]==="	"?(u===" "?u=`
`:!m&&u===`
`&&(u=`

`),f+=u+h.slice(l)+g,u=`
`,m=!0):g===""?u===`
`?f+=`
`:u=`
`:(f+=u+g,u=" ",m=!1)}switch(i.chomp){case"-":break;case"+":for(let p=a;p<o.length;++p)f+=`
`+o[p][0].slice(l);f[f.length-1]!==`
`&&(f+=`
`);break;default:f+=`
`}let d=r+i.length+e.source.length;return{value:f,type:n,comment:i.comment,range:[r,d,d]}}function Gf({offset:s,props:e},t,r){if(e[0].type!=="block-scalar-header")return r(e[0],"IMPOSSIBLE","Block scalar header not found"),null;let{source:i}=e[0],n=i[0],o=0,a="",l=-1;for(let u=1;u<i.length;++u){let m=i[u];if(!a&&(m==="-"||m==="+"))a=m;else{let d=Number(m);!o&&d?o=d:l===-1&&(l=s+u)}}l!==-1&&r(l,"UNEXPECTED_TOKEN",`Block scalar header includes extra characters: ${i}`);let c=!1,y="",f=i.length;for(let u=1;u<e.length;++u){let m=e[u];switch(m.type){case"space":c=!0;case"newline":f+=m.source.length;break;case"comment":t&&!c&&r(m,"MISSING_CHAR","Comments must be separated from other tokens by white space characters"),f+=m.source.length,y=m.source.substring(1);break;case"error":r(m,"UNEXPECTED_TOKEN",m.message),f+=m.source.length;break;default:{let d=`Unexpected token in block scalar header: ${m.type}`;r(m,"UNEXPECTED_TOKEN",d);let p=m.source;p&&typeof p=="string"&&(f+=p.length)}}}return{mode:n,indent:o,chomp:a,comment:y,length:f}}function Hf(s){let e=s.split(/\n( *)/),t=e[0],r=t.match(/^( *)/),n=[r?.[1]?[r[1],t.slice(r[1].length)]:["",t]];for(let o=1;o<e.length;o+=2)n.push([e[o],e[o+1]]);return n}zo.resolveBlockScalar=Wf});var oi=w(Xo=>{"use strict";var ni=M(),zf=xe();function Qf(s,e,t){let{offset:r,type:i,source:n,end:o}=s,a,l,c=(u,m,d)=>t(r+u,m,d);switch(i){case"scalar":a=ni.Scalar.PLAIN,l=Xf(n,c);break;case"single-quoted-scalar":a=ni.Scalar.QUOTE_SINGLE,l=Zf(n,c);break;case"double-quoted-scalar":a=ni.Scalar.QUOTE_DOUBLE,l=ep(n,c);break;default:return t(s,"UNEXPECTED_TOKEN",`Expected a flow scalar value, but found: ${i}`),{value:"",type:null,comment:"",range:[r,r+n.length,r+n.length]}}let y=r+n.length,f=zf.resolveEnd(o,y,e,t);return{value:l,type:a,comment:f.comment,range:[r,y,f.offset]}}function Xf(s,e){let t="";switch(s[0]){case"	":t="a tab character";break;case",":t="flow indicator character ,";break;case"%":t="directive indicator character %";break;case"|":case">":{t=`block scalar indicator ${s[0]}`;break}case"@":case"`":{t=`reserved character ${s[0]}`;break}}return t&&e(0,"BAD_SCALAR_START",`Plain value cannot start with ${t}`),Qo(s)}function Zf(s,e){return(s[s.length-1]!=="'"||s.length===1)&&e(s.length,"MISSING_CHAR","Missing closing 'quote"),Qo(s.slice(1,-1)).replace(/''/g,"'")}function Qo(s){let e=/(.*?)\r?\n/sy,t=e.exec(s);if(!t)return s;let r,i;try{r=new RegExp("(?<![ 	])[ 	]+$"),i=new RegExp("^[ 	]+|(?<![ 	])[ 	]+$","g")}catch{r=/[ \t]+$/,i=/^[ \t]+|[ \t]+$/g}let n=t[1].replace(r,""),o=" ",a=e.lastIndex;for(;t=e.exec(s);){let c=t[1].replace(i,"");c===""?o===`
`?n+=o:o=`
`:(n+=o+c,o=" "),a=e.lastIndex}let l=/[ \t]*(.*)/sy;return l.lastIndex=a,t=l.exec(s),n+o+(t?.[1]??"")}function ep(s,e){let t="";for(let r=1;r<s.length-1;++r){let i=s[r];if(!(i==="\r"&&s[r+1]===`
`))if(i===`
`){let{fold:n,offset:o}=tp(s,r);t+=n,r=o}else if(i==="\\"){let n=s[++r],o=sp[n];if(o)t+=o;else if(n===`
`)for(n=s[r+1];n===" "||n==="	";)n=s[++r+1];else if(n==="\r"&&s[r+1]===`
`)for(n=s[++r+1];n===" "||n==="	";)n=s[++r+1];else if(n==="x"||n==="u"||n==="U"){let a=n==="x"?2:n==="u"?4:8;t+=rp(s,r+1,a,e),r+=a}else{let a=s.substr(r-1,2);e(r-1,"BAD_DQ_ESCAPE",`Invalid escape sequence ${a}`),t+=a}}else if(i===" "||i==="	"){let n=r,o=s[r+1];for(;o===" "||o==="	";)o=s[++r+1];o!==`
`&&!(o==="\r"&&s[r+2]===`
`)&&(t+=r>n?s.slice(n,r+1):i)}else t+=i}return(s[s.length-1]!=='"'||s.length===1)&&e(s.length,"MISSING_CHAR",'Missing closing "quote'),t}function tp(s,e){let t="",r=s[e+1];for(;(r===" "||r==="	"||r===`
`||r==="\r")&&!(r==="\r"&&s[e+2]!==`
`);)r===`
`&&(t+=`
`),e+=1,r=s[e+1];return t||(t=" "),{fold:t,offset:e}}var sp={0:"\0",a:"\x07",b:"\b",e:"\x1B",f:"\f",n:`
`,r:"\r",t:"	",v:"\v",N:"\x85",_:"\xA0",L:"\u2028",P:"\u2029"," ":" ",'"':'"',"/":"/","\\":"\\","	":"	"};function rp(s,e,t,r){let i=s.substr(e,t),o=i.length===t&&/^[0-9a-fA-F]+$/.test(i)?parseInt(i,16):NaN;try{return String.fromCodePoint(o)}catch{let a=s.substr(e-2,t+2);return r(e-2,"BAD_DQ_ESCAPE",`Invalid escape sequence ${a}`),a}}Xo.resolveFlowScalar=Qf});var ta=w(ea=>{"use strict";var Ae=q(),Zo=M(),ip=ii(),np=oi();function op(s,e,t,r){let{value:i,type:n,comment:o,range:a}=e.type==="block-scalar"?ip.resolveBlockScalar(s,e,r):np.resolveFlowScalar(e,s.options.strict,r),l=t?s.directives.tagName(t.source,f=>r(t,"TAG_RESOLVE_FAILED",f)):null,c;s.options.stringKeys&&s.atKey?c=s.schema[Ae.SCALAR]:l?c=ap(s.schema,i,l,t,r):e.type==="scalar"?c=lp(s,i,e,r):c=s.schema[Ae.SCALAR];let y;try{let f=c.resolve(i,u=>r(t??e,"TAG_RESOLVE_FAILED",u),s.options);y=Ae.isScalar(f)?f:new Zo.Scalar(f)}catch(f){let u=f instanceof Error?f.message:String(f);r(t??e,"TAG_RESOLVE_FAILED",u),y=new Zo.Scalar(i)}return y.range=a,y.source=i,n&&(y.type=n),l&&(y.tag=l),c.format&&(y.format=c.format),o&&(y.comment=o),y}function ap(s,e,t,r,i){if(t==="!")return s[Ae.SCALAR];let n=[];for(let a of s.tags)if(!a.collection&&a.tag===t)if(a.default&&a.test)n.push(a);else return a;for(let a of n)if(a.test?.test(e))return a;let o=s.knownTags[t];return o&&!o.collection?(s.tags.push(Object.assign({},o,{default:!1,test:void 0})),o):(i(r,"TAG_RESOLVE_FAILED",`Unresolved tag: ${t}`,t!=="tag:yaml.org,2002:str"),s[Ae.SCALAR])}function lp({atKey:s,directives:e,schema:t},r,i,n){let o=t.tags.find(a=>(a.default===!0||s&&a.default==="key")&&a.test?.test(r))||t[Ae.SCALAR];if(t.compat){let a=t.compat.find(l=>l.default&&l.test?.test(r))??t[Ae.SCALAR];if(o.tag!==a.tag){let l=e.tagString(o.tag),c=e.tagString(a.tag),y=`Value may be parsed as either ${l} or ${c}`;n(i,"TAG_RESOLVE_FAILED",y,!0)}}return o}ea.composeScalar=op});var ra=w(sa=>{"use strict";function cp(s,e,t){if(e){t??(t=e.length);for(let r=t-1;r>=0;--r){let i=e[r];switch(i.type){case"space":case"comment":case"newline":s-=i.source.length;continue}for(i=e[++r];i?.type==="space";)s+=i.source.length,i=e[++r];break}}return s}sa.emptyScalarPosition=cp});var oa=w(li=>{"use strict";var up=Qe(),fp=q(),pp=Ho(),ia=ta(),dp=xe(),mp=ra(),yp={composeNode:na,composeEmptyNode:ai};function na(s,e,t,r){let i=s.atKey,{spaceBefore:n,comment:o,anchor:a,tag:l}=t,c,y=!0;switch(e.type){case"alias":c=hp(s,e,r),(a||l)&&r(e,"ALIAS_PROPS","An alias node must not specify any properties");break;case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":case"block-scalar":c=ia.composeScalar(s,e,l,r),a&&(c.anchor=a.source.substring(1));break;case"block-map":case"block-seq":case"flow-collection":try{c=pp.composeCollection(yp,s,e,t,r),a&&(c.anchor=a.source.substring(1))}catch(f){let u=f instanceof Error?f.message:String(f);r(e,"RESOURCE_EXHAUSTION",u)}break;default:{let f=e.type==="error"?e.message:`Unsupported token (type: ${e.type})`;r(e,"UNEXPECTED_TOKEN",f),y=!1}}return c??(c=ai(s,e.offset,void 0,null,t,r)),a&&c.anchor===""&&r(a,"BAD_ALIAS","Anchor cannot be an empty string"),i&&s.options.stringKeys&&(!fp.isScalar(c)||typeof c.value!="string"||c.tag&&c.tag!=="tag:yaml.org,2002:str")&&r(l??e,"NON_STRING_KEY","With stringKeys, all keys must be strings"),n&&(c.spaceBefore=!0),o&&(e.type==="scalar"&&e.source===""?c.comment=o:c.commentBefore=o),s.options.keepSourceTokens&&y&&(c.srcToken=e),c}function ai(s,e,t,r,{spaceBefore:i,comment:n,anchor:o,tag:a,end:l},c){let y={type:"scalar",offset:mp.emptyScalarPosition(e,t,r),indent:-1,source:""},f=ia.composeScalar(s,y,a,c);return o&&(f.anchor=o.source.substring(1),f.anchor===""&&c(o,"BAD_ALIAS","Anchor cannot be an empty string")),i&&(f.spaceBefore=!0),n&&(f.comment=n,f.range[2]=l),f}function hp({options:s},{offset:e,source:t,end:r},i){let n=new up.Alias(t.substring(1));n.source===""&&i(e,"BAD_ALIAS","Alias cannot be an empty string"),n.source.endsWith(":")&&i(e+t.length-1,"BAD_ALIAS","Alias ending in : is ambiguous",!0);let o=e+t.length,a=dp.resolveEnd(r,o,s.strict,i);return n.range=[e,o,a.offset],a.comment&&(n.comment=a.comment),n}li.composeEmptyNode=ai;li.composeNode=na});var ca=w(la=>{"use strict";var gp=dt(),aa=oa(),_p=xe(),bp=gt();function kp(s,e,{offset:t,start:r,value:i,end:n},o){let a=Object.assign({_directives:e},s),l=new gp.Document(void 0,a),c={atKey:!1,atRoot:!0,directives:l.directives,options:l.options,schema:l.schema},y=bp.resolveProps(r,{indicator:"doc-start",next:i??n?.[0],offset:t,onError:o,parentIndent:0,startOnNewline:!0});y.found&&(l.directives.docStart=!0,i&&(i.type==="block-map"||i.type==="block-seq")&&!y.hasNewline&&o(y.end,"MISSING_CHAR","Block collection cannot start on same line with directives-end marker")),l.contents=i?aa.composeNode(c,i,y,o):aa.composeEmptyNode(c,y.end,r,null,y,o);let f=l.contents.range[2],u=_p.resolveEnd(n,f,!1,o);return u.comment&&(l.comment=u.comment),l.range=[t,f,u.offset],l}la.composeDoc=kp});var ui=w(pa=>{"use strict";var Sp=Ct("process"),wp=Hs(),vp=dt(),_t=ht(),ua=q(),Ap=ca(),$p=xe();function bt(s){if(typeof s=="number")return[s,s+1];if(Array.isArray(s))return s.length===2?s:[s[0],s[1]];let{offset:e,source:t}=s;return[e,e+(typeof t=="string"?t.length:1)]}function fa(s){let e="",t=!1,r=!1;for(let i=0;i<s.length;++i){let n=s[i];switch(n[0]){case"#":e+=(e===""?"":r?`

`:`
`)+(n.substring(1)||" "),t=!0,r=!1;break;case"%":s[i+1]?.[0]!=="#"&&(i+=1),t=!1;break;default:t||(r=!0),t=!1}}return{comment:e,afterEmptyLine:r}}var ci=class{constructor(e={}){this.doc=null,this.atDirectives=!1,this.prelude=[],this.errors=[],this.warnings=[],this.onError=(t,r,i,n)=>{let o=bt(t);n?this.warnings.push(new _t.YAMLWarning(o,r,i)):this.errors.push(new _t.YAMLParseError(o,r,i))},this.directives=new wp.Directives({version:e.version||"1.2"}),this.options=e}decorate(e,t){let{comment:r,afterEmptyLine:i}=fa(this.prelude);if(r){let n=e.contents;if(t)e.comment=e.comment?`${e.comment}
${r}`:r;else if(i||e.directives.docStart||!n)e.commentBefore=r;else if(ua.isCollection(n)&&!n.flow&&n.items.length>0){let o=n.items[0];ua.isPair(o)&&(o=o.key);let a=o.commentBefore;o.commentBefore=a?`${r}
${a}`:r}else{let o=n.commentBefore;n.commentBefore=o?`${r}
${o}`:r}}if(t){for(let n=0;n<this.errors.length;++n)e.errors.push(this.errors[n]);for(let n=0;n<this.warnings.length;++n)e.warnings.push(this.warnings[n])}else e.errors=this.errors,e.warnings=this.warnings;this.prelude=[],this.errors=[],this.warnings=[]}streamInfo(){return{comment:fa(this.prelude).comment,directives:this.directives,errors:this.errors,warnings:this.warnings}}*compose(e,t=!1,r=-1){for(let i of e)yield*this.next(i);yield*this.end(t,r)}*next(e){switch(Sp.env.LOG_STREAM&&console.dir(e,{depth:null}),e.type){case"directive":this.directives.add(e.source,(t,r,i)=>{let n=bt(e);n[0]+=t,this.onError(n,"BAD_DIRECTIVE",r,i)}),this.prelude.push(e.source),this.atDirectives=!0;break;case"document":{let t=Ap.composeDoc(this.options,this.directives,e,this.onError);this.atDirectives&&!t.directives.docStart&&this.onError(e,"MISSING_CHAR","Missing directives-end/doc-start indicator line"),this.decorate(t,!1),this.doc&&(yield this.doc),this.doc=t,this.atDirectives=!1;break}case"byte-order-mark":case"space":break;case"comment":case"newline":this.prelude.push(e.source);break;case"error":{let t=e.source?`${e.message}: ${JSON.stringify(e.source)}`:e.message,r=new _t.YAMLParseError(bt(e),"UNEXPECTED_TOKEN",t);this.atDirectives||!this.doc?this.errors.push(r):this.doc.errors.push(r);break}case"doc-end":{if(!this.doc){let r="Unexpected doc-end without preceding document";this.errors.push(new _t.YAMLParseError(bt(e),"UNEXPECTED_TOKEN",r));break}this.doc.directives.docEnd=!0;let t=$p.resolveEnd(e.end,e.offset+e.source.length,this.doc.options.strict,this.onError);if(this.decorate(this.doc,!0),t.comment){let r=this.doc.comment;this.doc.comment=r?`${r}
${t.comment}`:t.comment}this.doc.range[2]=t.offset;break}default:this.errors.push(new _t.YAMLParseError(bt(e),"UNEXPECTED_TOKEN",`Unsupported token ${e.type}`))}}*end(e=!1,t=-1){if(this.doc)this.decorate(this.doc,!0),yield this.doc,this.doc=null;else if(e){let r=Object.assign({_directives:this.directives},this.options),i=new vp.Document(void 0,r);this.atDirectives&&this.onError(t,"MISSING_CHAR","Missing directives-end indicator line"),i.range=[0,t,t],this.decorate(i,!1),yield i}}};pa.Composer=ci});var ya=w(vs=>{"use strict";var Op=ii(),Ep=oi(),Np=ht(),da=st();function qp(s,e=!0,t){if(s){let r=(i,n,o)=>{let a=typeof i=="number"?i:Array.isArray(i)?i[0]:i.offset;if(t)t(a,n,o);else throw new Np.YAMLParseError([a,a+1],n,o)};switch(s.type){case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":return Ep.resolveFlowScalar(s,e,r);case"block-scalar":return Op.resolveBlockScalar({options:{strict:e}},s,r)}}return null}function Ip(s,e){let{implicitKey:t=!1,indent:r,inFlow:i=!1,offset:n=-1,type:o="PLAIN"}=e,a=da.stringifyString({type:o,value:s},{implicitKey:t,indent:r>0?" ".repeat(r):"",inFlow:i,options:{blockQuote:!0,lineWidth:-1}}),l=e.end??[{type:"newline",offset:-1,indent:r,source:`
`}];switch(a[0]){case"|":case">":{let c=a.indexOf(`
`),y=a.substring(0,c),f=a.substring(c+1)+`
`,u=[{type:"block-scalar-header",offset:n,indent:r,source:y}];return ma(u,l)||u.push({type:"newline",offset:-1,indent:r,source:`
`}),{type:"block-scalar",offset:n,indent:r,props:u,source:f}}case'"':return{type:"double-quoted-scalar",offset:n,indent:r,source:a,end:l};case"'":return{type:"single-quoted-scalar",offset:n,indent:r,source:a,end:l};default:return{type:"scalar",offset:n,indent:r,source:a,end:l}}}function Tp(s,e,t={}){let{afterKey:r=!1,implicitKey:i=!1,inFlow:n=!1,type:o}=t,a="indent"in s?s.indent:null;if(r&&typeof a=="number"&&(a+=2),!o)switch(s.type){case"single-quoted-scalar":o="QUOTE_SINGLE";break;case"double-quoted-scalar":o="QUOTE_DOUBLE";break;case"block-scalar":{let c=s.props[0];if(c.type!=="block-scalar-header")throw new Error("Invalid block scalar header");o=c.source[0]===">"?"BLOCK_FOLDED":"BLOCK_LITERAL";break}default:o="PLAIN"}let l=da.stringifyString({type:o,value:e},{implicitKey:i||a===null,indent:a!==null&&a>0?" ".repeat(a):"",inFlow:n,options:{blockQuote:!0,lineWidth:-1}});switch(l[0]){case"|":case">":Cp(s,l);break;case'"':fi(s,l,"double-quoted-scalar");break;case"'":fi(s,l,"single-quoted-scalar");break;default:fi(s,l,"scalar")}}function Cp(s,e){let t=e.indexOf(`
`),r=e.substring(0,t),i=e.substring(t+1)+`
`;if(s.type==="block-scalar"){let n=s.props[0];if(n.type!=="block-scalar-header")throw new Error("Invalid block scalar header");n.source=r,s.source=i}else{let{offset:n}=s,o="indent"in s?s.indent:-1,a=[{type:"block-scalar-header",offset:n,indent:o,source:r}];ma(a,"end"in s?s.end:void 0)||a.push({type:"newline",offset:-1,indent:o,source:`
`});for(let l of Object.keys(s))l!=="type"&&l!=="offset"&&delete s[l];Object.assign(s,{type:"block-scalar",indent:o,props:a,source:i})}}function ma(s,e){if(e)for(let t of e)switch(t.type){case"space":case"comment":s.push(t);break;case"newline":return s.push(t),!0}return!1}function fi(s,e,t){switch(s.type){case"scalar":case"double-quoted-scalar":case"single-quoted-scalar":s.type=t,s.source=e;break;case"block-scalar":{let r=s.props.slice(1),i=e.length;s.props[0].type==="block-scalar-header"&&(i-=s.props[0].source.length);for(let n of r)n.offset+=i;delete s.props,Object.assign(s,{type:t,source:e,end:r});break}case"block-map":case"block-seq":{let i={type:"newline",offset:s.offset+e.length,indent:s.indent,source:`
`};delete s.items,Object.assign(s,{type:t,source:e,end:[i]});break}default:{let r="indent"in s?s.indent:-1,i="end"in s&&Array.isArray(s.end)?s.end.filter(n=>n.type==="space"||n.type==="comment"||n.type==="newline"):[];for(let n of Object.keys(s))n!=="type"&&n!=="offset"&&delete s[n];Object.assign(s,{type:t,indent:r,source:e,end:i})}}}vs.createScalarToken=Ip;vs.resolveAsScalar=qp;vs.setScalarValue=Tp});var ga=w(ha=>{"use strict";var Lp=s=>"type"in s?$s(s):As(s);function $s(s){switch(s.type){case"block-scalar":{let e="";for(let t of s.props)e+=$s(t);return e+s.source}case"block-map":case"block-seq":{let e="";for(let t of s.items)e+=As(t);return e}case"flow-collection":{let e=s.start.source;for(let t of s.items)e+=As(t);for(let t of s.end)e+=t.source;return e}case"document":{let e=As(s);if(s.end)for(let t of s.end)e+=t.source;return e}default:{let e=s.source;if("end"in s&&s.end)for(let t of s.end)e+=t.source;return e}}}function As({start:s,key:e,sep:t,value:r}){let i="";for(let n of s)i+=n.source;if(e&&(i+=$s(e)),t)for(let n of t)i+=n.source;return r&&(i+=$s(r)),i}ha.stringify=Lp});var Sa=w(ka=>{"use strict";var pi=Symbol("break visit"),Mp=Symbol("skip children"),_a=Symbol("remove item");function $e(s,e){"type"in s&&s.type==="document"&&(s={start:s.start,value:s.value}),ba(Object.freeze([]),s,e)}$e.BREAK=pi;$e.SKIP=Mp;$e.REMOVE=_a;$e.itemAtPath=(s,e)=>{let t=s;for(let[r,i]of e){let n=t?.[r];if(n&&"items"in n)t=n.items[i];else return}return t};$e.parentCollection=(s,e)=>{let t=$e.itemAtPath(s,e.slice(0,-1)),r=e[e.length-1][0],i=t?.[r];if(i&&"items"in i)return i;throw new Error("Parent collection not found")};function ba(s,e,t){let r=t(e,s);if(typeof r=="symbol")return r;for(let i of["key","value"]){let n=e[i];if(n&&"items"in n){for(let o=0;o<n.items.length;++o){let a=ba(Object.freeze(s.concat([[i,o]])),n.items[o],t);if(typeof a=="number")o=a-1;else{if(a===pi)return pi;a===_a&&(n.items.splice(o,1),o-=1)}}typeof r=="function"&&i==="key"&&(r=r(e,s))}}return typeof r=="function"?r(e,s):r}ka.visit=$e});var Os=w(U=>{"use strict";var di=ya(),Pp=ga(),Rp=Sa(),mi="\uFEFF",yi="",hi="",gi="",Dp=s=>!!s&&"items"in s,xp=s=>!!s&&(s.type==="scalar"||s.type==="single-quoted-scalar"||s.type==="double-quoted-scalar"||s.type==="block-scalar");function Yp(s){switch(s){case mi:return"<BOM>";case yi:return"<DOC>";case hi:return"<FLOW_END>";case gi:return"<SCALAR>";default:return JSON.stringify(s)}}function jp(s){switch(s){case mi:return"byte-order-mark";case yi:return"doc-mode";case hi:return"flow-error-end";case gi:return"scalar";case"---":return"doc-start";case"...":return"doc-end";case"":case`
`:case`\r
`:return"newline";case"-":return"seq-item-ind";case"?":return"explicit-key-ind";case":":return"map-value-ind";case"{":return"flow-map-start";case"}":return"flow-map-end";case"[":return"flow-seq-start";case"]":return"flow-seq-end";case",":return"comma"}switch(s[0]){case" ":case"	":return"space";case"#":return"comment";case"%":return"directive-line";case"*":return"alias";case"&":return"anchor";case"!":return"tag";case"'":return"single-quoted-scalar";case'"':return"double-quoted-scalar";case"|":case">":return"block-scalar-header"}return null}U.createScalarToken=di.createScalarToken;U.resolveAsScalar=di.resolveAsScalar;U.setScalarValue=di.setScalarValue;U.stringify=Pp.stringify;U.visit=Rp.visit;U.BOM=mi;U.DOCUMENT=yi;U.FLOW_END=hi;U.SCALAR=gi;U.isCollection=Dp;U.isScalar=xp;U.prettyToken=Yp;U.tokenType=jp});var ki=w(va=>{"use strict";var kt=Os();function X(s){switch(s){case void 0:case" ":case`
`:case"\r":case"	":return!0;default:return!1}}var wa=new Set("0123456789ABCDEFabcdef"),Bp=new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()"),Es=new Set(",[]{}"),Fp=new Set(` ,[]{}
\r	`),_i=s=>!s||Fp.has(s),bi=class{constructor(){this.atEnd=!1,this.blockScalarIndent=-1,this.blockScalarKeep=!1,this.buffer="",this.flowKey=!1,this.flowLevel=0,this.indentNext=0,this.indentValue=0,this.lineEndPos=null,this.next=null,this.pos=0}*lex(e,t=!1){if(e){if(typeof e!="string")throw TypeError("source is not a string");this.buffer=this.buffer?this.buffer+e:e,this.lineEndPos=null}this.atEnd=!t;let r=this.next??"stream";for(;r&&(t||this.hasChars(1));)r=yield*this.parseNext(r)}atLineEnd(){let e=this.pos,t=this.buffer[e];for(;t===" "||t==="	";)t=this.buffer[++e];return!t||t==="#"||t===`
`?!0:t==="\r"?this.buffer[e+1]===`
`:!1}charAt(e){return this.buffer[this.pos+e]}continueScalar(e){let t=this.buffer[e];if(this.indentNext>0){let r=0;for(;t===" ";)t=this.buffer[++r+e];if(t==="\r"){let i=this.buffer[r+e+1];if(i===`
`||!i&&!this.atEnd)return e+r+1}return t===`
`||r>=this.indentNext||!t&&!this.atEnd?e+r:-1}if(t==="-"||t==="."){let r=this.buffer.substr(e,3);if((r==="---"||r==="...")&&X(this.buffer[e+3]))return-1}return e}getLine(){let e=this.lineEndPos;return(typeof e!="number"||e!==-1&&e<this.pos)&&(e=this.buffer.indexOf(`
`,this.pos),this.lineEndPos=e),e===-1?this.atEnd?this.buffer.substring(this.pos):null:(this.buffer[e-1]==="\r"&&(e-=1),this.buffer.substring(this.pos,e))}hasChars(e){return this.pos+e<=this.buffer.length}setNext(e){return this.buffer=this.buffer.substring(this.pos),this.pos=0,this.lineEndPos=null,this.next=e,null}peek(e){return this.buffer.substr(this.pos,e)}*parseNext(e){switch(e){case"stream":return yield*this.parseStream();case"line-start":return yield*this.parseLineStart();case"block-start":return yield*this.parseBlockStart();case"doc":return yield*this.parseDocument();case"flow":return yield*this.parseFlowCollection();case"quoted-scalar":return yield*this.parseQuotedScalar();case"block-scalar":return yield*this.parseBlockScalar();case"plain-scalar":return yield*this.parsePlainScalar()}}*parseStream(){let e=this.getLine();if(e===null)return this.setNext("stream");if(e[0]===kt.BOM&&(yield*this.pushCount(1),e=e.substring(1)),e[0]==="%"){let t=e.length,r=e.indexOf("#");for(;r!==-1;){let n=e[r-1];if(n===" "||n==="	"){t=r-1;break}else r=e.indexOf("#",r+1)}for(;;){let n=e[t-1];if(n===" "||n==="	")t-=1;else break}let i=(yield*this.pushCount(t))+(yield*this.pushSpaces(!0));return yield*this.pushCount(e.length-i),this.pushNewline(),"stream"}if(this.atLineEnd()){let t=yield*this.pushSpaces(!0);return yield*this.pushCount(e.length-t),yield*this.pushNewline(),"stream"}return yield kt.DOCUMENT,yield*this.parseLineStart()}*parseLineStart(){let e=this.charAt(0);if(!e&&!this.atEnd)return this.setNext("line-start");if(e==="-"||e==="."){if(!this.atEnd&&!this.hasChars(4))return this.setNext("line-start");let t=this.peek(3);if((t==="---"||t==="...")&&X(this.charAt(3)))return yield*this.pushCount(3),this.indentValue=0,this.indentNext=0,t==="---"?"doc":"stream"}return this.indentValue=yield*this.pushSpaces(!1),this.indentNext>this.indentValue&&!X(this.charAt(1))&&(this.indentNext=this.indentValue),yield*this.parseBlockStart()}*parseBlockStart(){let[e,t]=this.peek(2);if(!t&&!this.atEnd)return this.setNext("block-start");if((e==="-"||e==="?"||e===":")&&X(t)){let r=(yield*this.pushCount(1))+(yield*this.pushSpaces(!0));return this.indentNext=this.indentValue+1,this.indentValue+=r,"block-start"}return"doc"}*parseDocument(){yield*this.pushSpaces(!0);let e=this.getLine();if(e===null)return this.setNext("doc");let t=yield*this.pushIndicators();switch(e[t]){case"#":yield*this.pushCount(e.length-t);case void 0:return yield*this.pushNewline(),yield*this.parseLineStart();case"{":case"[":return yield*this.pushCount(1),this.flowKey=!1,this.flowLevel=1,"flow";case"}":case"]":return yield*this.pushCount(1),"doc";case"*":return yield*this.pushUntil(_i),"doc";case'"':case"'":return yield*this.parseQuotedScalar();case"|":case">":return t+=yield*this.parseBlockScalarHeader(),t+=yield*this.pushSpaces(!0),yield*this.pushCount(e.length-t),yield*this.pushNewline(),yield*this.parseBlockScalar();default:return yield*this.parsePlainScalar()}}*parseFlowCollection(){let e,t,r=-1;do e=yield*this.pushNewline(),e>0?(t=yield*this.pushSpaces(!1),this.indentValue=r=t):t=0,t+=yield*this.pushSpaces(!0);while(e+t>0);let i=this.getLine();if(i===null)return this.setNext("flow");if((r!==-1&&r<this.indentNext&&i[0]!=="#"||r===0&&(i.startsWith("---")||i.startsWith("..."))&&X(i[3]))&&!(r===this.indentNext-1&&this.flowLevel===1&&(i[0]==="]"||i[0]==="}")))return this.flowLevel=0,yield kt.FLOW_END,yield*this.parseLineStart();let n=0;for(;i[n]===",";)n+=yield*this.pushCount(1),n+=yield*this.pushSpaces(!0),this.flowKey=!1;switch(n+=yield*this.pushIndicators(),i[n]){case void 0:return"flow";case"#":return yield*this.pushCount(i.length-n),"flow";case"{":case"[":return yield*this.pushCount(1),this.flowKey=!1,this.flowLevel+=1,"flow";case"}":case"]":return yield*this.pushCount(1),this.flowKey=!0,this.flowLevel-=1,this.flowLevel?"flow":"doc";case"*":return yield*this.pushUntil(_i),"flow";case'"':case"'":return this.flowKey=!0,yield*this.parseQuotedScalar();case":":{let o=this.charAt(1);if(this.flowKey||X(o)||o===",")return this.flowKey=!1,yield*this.pushCount(1),yield*this.pushSpaces(!0),"flow"}default:return this.flowKey=!1,yield*this.parsePlainScalar()}}*parseQuotedScalar(){let e=this.charAt(0),t=this.buffer.indexOf(e,this.pos+1);if(e==="'")for(;t!==-1&&this.buffer[t+1]==="'";)t=this.buffer.indexOf("'",t+2);else for(;t!==-1;){let n=0;for(;this.buffer[t-1-n]==="\\";)n+=1;if(n%2===0)break;t=this.buffer.indexOf('"',t+1)}let r=this.buffer.substring(0,t),i=r.indexOf(`
`,this.pos);if(i!==-1){for(;i!==-1;){let n=this.continueScalar(i+1);if(n===-1)break;i=r.indexOf(`
`,n)}i!==-1&&(t=i-(r[i-1]==="\r"?2:1))}if(t===-1){if(!this.atEnd)return this.setNext("quoted-scalar");t=this.buffer.length}return yield*this.pushToIndex(t+1,!1),this.flowLevel?"flow":"doc"}*parseBlockScalarHeader(){this.blockScalarIndent=-1,this.blockScalarKeep=!1;let e=this.pos;for(;;){let t=this.buffer[++e];if(t==="+")this.blockScalarKeep=!0;else if(t>"0"&&t<="9")this.blockScalarIndent=Number(t)-1;else if(t!=="-")break}return yield*this.pushUntil(t=>X(t)||t==="#")}*parseBlockScalar(){let e=this.pos-1,t=0,r;e:for(let n=this.pos;r=this.buffer[n];++n)switch(r){case" ":t+=1;break;case`
`:e=n,t=0;break;case"\r":{let o=this.buffer[n+1];if(!o&&!this.atEnd)return this.setNext("block-scalar");if(o===`
`)break}default:break e}if(!r&&!this.atEnd)return this.setNext("block-scalar");if(t>=this.indentNext){this.blockScalarIndent===-1?this.indentNext=t:this.indentNext=this.blockScalarIndent+(this.indentNext===0?1:this.indentNext);do{let n=this.continueScalar(e+1);if(n===-1)break;e=this.buffer.indexOf(`
`,n)}while(e!==-1);if(e===-1){if(!this.atEnd)return this.setNext("block-scalar");e=this.buffer.length}}let i=e+1;for(r=this.buffer[i];r===" ";)r=this.buffer[++i];if(r==="	"){for(;r==="	"||r===" "||r==="\r"||r===`
`;)r=this.buffer[++i];e=i-1}else if(!this.blockScalarKeep)do{let n=e-1,o=this.buffer[n];o==="\r"&&(o=this.buffer[--n]);let a=n;for(;o===" ";)o=this.buffer[--n];if(o===`
`&&n>=this.pos&&n+1+t>a)e=n;else break}while(!0);return yield kt.SCALAR,yield*this.pushToIndex(e+1,!0),yield*this.parseLineStart()}*parsePlainScalar(){let e=this.flowLevel>0,t=this.pos-1,r=this.pos-1,i;for(;i=this.buffer[++r];)if(i===":"){let n=this.buffer[r+1];if(X(n)||e&&Es.has(n))break;t=r}else if(X(i)){let n=this.buffer[r+1];if(i==="\r"&&(n===`
`?(r+=1,i=`
`,n=this.buffer[r+1]):t=r),n==="#"||e&&Es.has(n))break;if(i===`
`){let o=this.continueScalar(r+1);if(o===-1)break;r=Math.max(r,o-2)}}else{if(e&&Es.has(i))break;t=r}return!i&&!this.atEnd?this.setNext("plain-scalar"):(yield kt.SCALAR,yield*this.pushToIndex(t+1,!0),e?"flow":"doc")}*pushCount(e){return e>0?(yield this.buffer.substr(this.pos,e),this.pos+=e,e):0}*pushToIndex(e,t){let r=this.buffer.slice(this.pos,e);return r?(yield r,this.pos+=r.length,r.length):(t&&(yield""),0)}*pushIndicators(){let e=0;e:for(;;){switch(this.charAt(0)){case"!":e+=yield*this.pushTag(),e+=yield*this.pushSpaces(!0);continue e;case"&":e+=yield*this.pushUntil(_i),e+=yield*this.pushSpaces(!0);continue e;case"-":case"?":case":":{let t=this.flowLevel>0,r=this.charAt(1);if(X(r)||t&&Es.has(r)){t?this.flowKey&&(this.flowKey=!1):this.indentNext=this.indentValue+1,e+=yield*this.pushCount(1),e+=yield*this.pushSpaces(!0);continue e}}}break e}return e}*pushTag(){if(this.charAt(1)==="<"){let e=this.pos+2,t=this.buffer[e];for(;!X(t)&&t!==">";)t=this.buffer[++e];return yield*this.pushToIndex(t===">"?e+1:e,!1)}else{let e=this.pos+1,t=this.buffer[e];for(;t;)if(Bp.has(t))t=this.buffer[++e];else if(t==="%"&&wa.has(this.buffer[e+1])&&wa.has(this.buffer[e+2]))t=this.buffer[e+=3];else break;return yield*this.pushToIndex(e,!1)}}*pushNewline(){let e=this.buffer[this.pos];return e===`
`?yield*this.pushCount(1):e==="\r"&&this.charAt(1)===`
`?yield*this.pushCount(2):0}*pushSpaces(e){let t=this.pos-1,r;do r=this.buffer[++t];while(r===" "||e&&r==="	");let i=t-this.pos;return i>0&&(yield this.buffer.substr(this.pos,i),this.pos=t),i}*pushUntil(e){let t=this.pos,r=this.buffer[t];for(;!e(r);)r=this.buffer[++t];return yield*this.pushToIndex(t,!1)}};va.Lexer=bi});var wi=w(Aa=>{"use strict";var Si=class{constructor(){this.lineStarts=[],this.addNewLine=e=>this.lineStarts.push(e),this.linePos=e=>{let t=0,r=this.lineStarts.length;for(;t<r;){let n=t+r>>1;this.lineStarts[n]<e?t=n+1:r=n}if(this.lineStarts[t]===e)return{line:t+1,col:1};if(t===0)return{line:0,col:e};let i=this.lineStarts[t-1];return{line:t,col:e-i+1}}}};Aa.LineCounter=Si});var Ai=w(qa=>{"use strict";var Vp=Ct("process"),$a=Os(),Kp=ki();function ye(s,e){for(let t=0;t<s.length;++t)if(s[t].type===e)return!0;return!1}function Oa(s){for(let e=0;e<s.length;++e)switch(s[e].type){case"space":case"comment":case"newline":break;default:return e}return-1}function Na(s){switch(s?.type){case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":case"flow-collection":return!0;default:return!1}}function Ns(s){switch(s.type){case"document":return s.start;case"block-map":{let e=s.items[s.items.length-1];return e.sep??e.start}case"block-seq":return s.items[s.items.length-1].start;default:return[]}}function Ye(s){if(s.length===0)return[];let e=s.length;e:for(;--e>=0;)switch(s[e].type){case"doc-start":case"explicit-key-ind":case"map-value-ind":case"seq-item-ind":case"newline":break e}for(;s[++e]?.type==="space";);return s.splice(e,s.length)}function qs(s,e){if(e.length<1e5)Array.prototype.push.apply(s,e);else for(let t=0;t<e.length;++t)s.push(e[t])}function Ea(s){if(s.start.type==="flow-seq-start")for(let e of s.items)e.sep&&!e.value&&!ye(e.start,"explicit-key-ind")&&!ye(e.sep,"map-value-ind")&&(e.key&&(e.value=e.key),delete e.key,Na(e.value)?e.value.end?qs(e.value.end,e.sep):e.value.end=e.sep:qs(e.start,e.sep),delete e.sep)}var vi=class{constructor(e){this.atNewLine=!0,this.atScalar=!1,this.indent=0,this.offset=0,this.onKeyLine=!1,this.stack=[],this.source="",this.type="",this.lexer=new Kp.Lexer,this.onNewLine=e}*parse(e,t=!1){this.onNewLine&&this.offset===0&&this.onNewLine(0);for(let r of this.lexer.lex(e,t))yield*this.next(r);t||(yield*this.end())}*next(e){if(this.source=e,Vp.env.LOG_TOKENS&&console.log("|",$a.prettyToken(e)),this.atScalar){this.atScalar=!1,yield*this.step(),this.offset+=e.length;return}let t=$a.tokenType(e);if(t)if(t==="scalar")this.atNewLine=!1,this.atScalar=!0,this.type="scalar";else{switch(this.type=t,yield*this.step(),t){case"newline":this.atNewLine=!0,this.indent=0,this.onNewLine&&this.onNewLine(this.offset+e.length);break;case"space":this.atNewLine&&e[0]===" "&&(this.indent+=e.length);break;case"explicit-key-ind":case"map-value-ind":case"seq-item-ind":this.atNewLine&&(this.indent+=e.length);break;case"doc-mode":case"flow-error-end":return;default:this.atNewLine=!1}this.offset+=e.length}else{let r=`Not a YAML token: ${e}`;yield*this.pop({type:"error",offset:this.offset,message:r,source:e}),this.offset+=e.length}}*end(){for(;this.stack.length>0;)yield*this.pop()}get sourceToken(){return{type:this.type,offset:this.offset,indent:this.indent,source:this.source}}*step(){let e=this.peek(1);if(this.type==="doc-end"&&e?.type!=="doc-end"){for(;this.stack.length>0;)yield*this.pop();this.stack.push({type:"doc-end",offset:this.offset,source:this.source});return}if(!e)return yield*this.stream();switch(e.type){case"document":return yield*this.document(e);case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":return yield*this.scalar(e);case"block-scalar":return yield*this.blockScalar(e);case"block-map":return yield*this.blockMap(e);case"block-seq":return yield*this.blockSequence(e);case"flow-collection":return yield*this.flowCollection(e);case"doc-end":return yield*this.documentEnd(e)}yield*this.pop()}peek(e){return this.stack[this.stack.length-e]}*pop(e){let t=e??this.stack.pop();if(!t)yield{type:"error",offset:this.offset,source:"",message:"Tried to pop an empty stack"};else if(this.stack.length===0)yield t;else{let r=this.peek(1);switch(t.type==="block-scalar"?t.indent="indent"in r?r.indent:0:t.type==="flow-collection"&&r.type==="document"&&(t.indent=0),t.type==="flow-collection"&&Ea(t),r.type){case"document":r.value=t;break;case"block-scalar":r.props.push(t);break;case"block-map":{let i=r.items[r.items.length-1];if(i.value){r.items.push({start:[],key:t,sep:[]}),this.onKeyLine=!0;return}else if(i.sep)i.value=t;else{Object.assign(i,{key:t,sep:[]}),this.onKeyLine=!i.explicitKey;return}break}case"block-seq":{let i=r.items[r.items.length-1];i.value?r.items.push({start:[],value:t}):i.value=t;break}case"flow-collection":{let i=r.items[r.items.length-1];!i||i.value?r.items.push({start:[],key:t,sep:[]}):i.sep?i.value=t:Object.assign(i,{key:t,sep:[]});return}default:yield*this.pop(),yield*this.pop(t)}if((r.type==="document"||r.type==="block-map"||r.type==="block-seq")&&(t.type==="block-map"||t.type==="block-seq")){let i=t.items[t.items.length-1];i&&!i.sep&&!i.value&&i.start.length>0&&Oa(i.start)===-1&&(t.indent===0||i.start.every(n=>n.type!=="comment"||n.indent<t.indent))&&(r.type==="document"?r.end=i.start:r.items.push({start:i.start}),t.items.splice(-1,1))}}}*stream(){switch(this.type){case"directive-line":yield{type:"directive",offset:this.offset,source:this.source};return;case"byte-order-mark":case"space":case"comment":case"newline":yield this.sourceToken;return;case"doc-mode":case"doc-start":{let e={type:"document",offset:this.offset,start:[]};this.type==="doc-start"&&e.start.push(this.sourceToken),this.stack.push(e);return}}yield{type:"error",offset:this.offset,message:`Unexpected ${this.type} token in YAML stream`,source:this.source}}*document(e){if(e.value)return yield*this.lineEnd(e);switch(this.type){case"doc-start":{Oa(e.start)!==-1?(yield*this.pop(),yield*this.step()):e.start.push(this.sourceToken);return}case"anchor":case"tag":case"space":case"comment":case"newline":e.start.push(this.sourceToken);return}let t=this.startBlockValue(e);t?this.stack.push(t):yield{type:"error",offset:this.offset,message:`Unexpected ${this.type} token in YAML document`,source:this.source}}*scalar(e){if(this.type==="map-value-ind"){let t=Ns(this.peek(2)),r=Ye(t),i;e.end?(i=e.end,i.push(this.sourceToken),delete e.end):i=[this.sourceToken];let n={type:"block-map",offset:e.offset,indent:e.indent,items:[{start:r,key:e,sep:i}]};this.onKeyLine=!0,this.stack[this.stack.length-1]=n}else yield*this.lineEnd(e)}*blockScalar(e){switch(this.type){case"space":case"comment":case"newline":e.props.push(this.sourceToken);return;case"scalar":if(e.source=this.source,this.atNewLine=!0,this.indent=0,this.onNewLine){let t=this.source.indexOf(`
`)+1;for(;t!==0;)this.onNewLine(this.offset+t),t=this.source.indexOf(`
`,t)+1}yield*this.pop();break;default:yield*this.pop(),yield*this.step()}}*blockMap(e){let t=e.items[e.items.length-1];switch(this.type){case"newline":if(this.onKeyLine=!1,t.value){let r="end"in t.value?t.value.end:void 0;(Array.isArray(r)?r[r.length-1]:void 0)?.type==="comment"?r?.push(this.sourceToken):e.items.push({start:[this.sourceToken]})}else t.sep?t.sep.push(this.sourceToken):t.start.push(this.sourceToken);return;case"space":case"comment":if(t.value)e.items.push({start:[this.sourceToken]});else if(t.sep)t.sep.push(this.sourceToken);else{if(this.atIndentedComment(t.start,e.indent)){let i=e.items[e.items.length-2]?.value?.end;if(Array.isArray(i)){qs(i,t.start),i.push(this.sourceToken),e.items.pop();return}}t.start.push(this.sourceToken)}return}if(this.indent>=e.indent){let r=!this.onKeyLine&&this.indent===e.indent,i=r&&(t.sep||t.explicitKey)&&this.type!=="seq-item-ind",n=[];if(i&&t.sep&&!t.value){let o=[];for(let a=0;a<t.sep.length;++a){let l=t.sep[a];switch(l.type){case"newline":o.push(a);break;case"space":break;case"comment":l.indent>e.indent&&(o.length=0);break;default:o.length=0}}o.length>=2&&(n=t.sep.splice(o[1]))}switch(this.type){case"anchor":case"tag":i||t.value?(n.push(this.sourceToken),e.items.push({start:n}),this.onKeyLine=!0):t.sep?t.sep.push(this.sourceToken):t.start.push(this.sourceToken);return;case"explicit-key-ind":!t.sep&&!t.explicitKey?(t.start.push(this.sourceToken),t.explicitKey=!0):i||t.value?(n.push(this.sourceToken),e.items.push({start:n,explicitKey:!0})):this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:[this.sourceToken],explicitKey:!0}]}),this.onKeyLine=!0;return;case"map-value-ind":if(t.explicitKey)if(t.sep)if(t.value)e.items.push({start:[],key:null,sep:[this.sourceToken]});else if(ye(t.sep,"map-value-ind"))this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:n,key:null,sep:[this.sourceToken]}]});else if(Na(t.key)&&!ye(t.sep,"newline")){let o=Ye(t.start),a=t.key,l=t.sep;l.push(this.sourceToken),delete t.key,delete t.sep,this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:o,key:a,sep:l}]})}else n.length>0?t.sep=t.sep.concat(n,this.sourceToken):t.sep.push(this.sourceToken);else if(ye(t.start,"newline"))Object.assign(t,{key:null,sep:[this.sourceToken]});else{let o=Ye(t.start);this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:o,key:null,sep:[this.sourceToken]}]})}else t.sep?t.value||i?e.items.push({start:n,key:null,sep:[this.sourceToken]}):ye(t.sep,"map-value-ind")?this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:[],key:null,sep:[this.sourceToken]}]}):t.sep.push(this.sourceToken):Object.assign(t,{key:null,sep:[this.sourceToken]});this.onKeyLine=!0;return;case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":{let o=this.flowScalar(this.type);i||t.value?(e.items.push({start:n,key:o,sep:[]}),this.onKeyLine=!0):t.sep?this.stack.push(o):(Object.assign(t,{key:o,sep:[]}),this.onKeyLine=!0);return}default:{let o=this.startBlockValue(e);if(o){if(o.type==="block-seq"){if(!t.explicitKey&&t.sep&&!ye(t.sep,"newline")){yield*this.pop({type:"error",offset:this.offset,message:"Unexpected block-seq-ind on same line with key",source:this.source});return}}else r&&e.items.push({start:n});this.stack.push(o);return}}}}yield*this.pop(),yield*this.step()}*blockSequence(e){let t=e.items[e.items.length-1];switch(this.type){case"newline":if(t.value){let r="end"in t.value?t.value.end:void 0;(Array.isArray(r)?r[r.length-1]:void 0)?.type==="comment"?r?.push(this.sourceToken):e.items.push({start:[this.sourceToken]})}else t.start.push(this.sourceToken);return;case"space":case"comment":if(t.value)e.items.push({start:[this.sourceToken]});else{if(this.atIndentedComment(t.start,e.indent)){let i=e.items[e.items.length-2]?.value?.end;if(Array.isArray(i)){qs(i,t.start),i.push(this.sourceToken),e.items.pop();return}}t.start.push(this.sourceToken)}return;case"anchor":case"tag":if(t.value||this.indent<=e.indent)break;t.start.push(this.sourceToken);return;case"seq-item-ind":if(this.indent!==e.indent)break;t.value||ye(t.start,"seq-item-ind")?e.items.push({start:[this.sourceToken]}):t.start.push(this.sourceToken);return}if(this.indent>e.indent){let r=this.startBlockValue(e);if(r){this.stack.push(r);return}}yield*this.pop(),yield*this.step()}*flowCollection(e){let t=e.items[e.items.length-1];if(this.type==="flow-error-end"){let r;do yield*this.pop(),r=this.peek(1);while(r?.type==="flow-collection")}else if(e.end.length===0){switch(this.type){case"comma":case"explicit-key-ind":!t||t.sep?e.items.push({start:[this.sourceToken]}):t.start.push(this.sourceToken);return;case"map-value-ind":!t||t.value?e.items.push({start:[],key:null,sep:[this.sourceToken]}):t.sep?t.sep.push(this.sourceToken):Object.assign(t,{key:null,sep:[this.sourceToken]});return;case"space":case"comment":case"newline":case"anchor":case"tag":!t||t.value?e.items.push({start:[this.sourceToken]}):t.sep?t.sep.push(this.sourceToken):t.start.push(this.sourceToken);return;case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":{let i=this.flowScalar(this.type);!t||t.value?e.items.push({start:[],key:i,sep:[]}):t.sep?this.stack.push(i):Object.assign(t,{key:i,sep:[]});return}case"flow-map-end":case"flow-seq-end":e.end.push(this.sourceToken);return}let r=this.startBlockValue(e);r?this.stack.push(r):(yield*this.pop(),yield*this.step())}else{let r=this.peek(2);if(r.type==="block-map"&&(this.type==="map-value-ind"&&r.indent===e.indent||this.type==="newline"&&!r.items[r.items.length-1].sep))yield*this.pop(),yield*this.step();else if(this.type==="map-value-ind"&&r.type!=="flow-collection"){let i=Ns(r),n=Ye(i);Ea(e);let o=e.end.splice(1,e.end.length);o.push(this.sourceToken);let a={type:"block-map",offset:e.offset,indent:e.indent,items:[{start:n,key:e,sep:o}]};this.onKeyLine=!0,this.stack[this.stack.length-1]=a}else yield*this.lineEnd(e)}}flowScalar(e){if(this.onNewLine){let t=this.source.indexOf(`
`)+1;for(;t!==0;)this.onNewLine(this.offset+t),t=this.source.indexOf(`
`,t)+1}return{type:e,offset:this.offset,indent:this.indent,source:this.source}}startBlockValue(e){switch(this.type){case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":return this.flowScalar(this.type);case"block-scalar-header":return{type:"block-scalar",offset:this.offset,indent:this.indent,props:[this.sourceToken],source:""};case"flow-map-start":case"flow-seq-start":return{type:"flow-collection",offset:this.offset,indent:this.indent,start:this.sourceToken,items:[],end:[]};case"seq-item-ind":return{type:"block-seq",offset:this.offset,indent:this.indent,items:[{start:[this.sourceToken]}]};case"explicit-key-ind":{this.onKeyLine=!0;let t=Ns(e),r=Ye(t);return r.push(this.sourceToken),{type:"block-map",offset:this.offset,indent:this.indent,items:[{start:r,explicitKey:!0}]}}case"map-value-ind":{this.onKeyLine=!0;let t=Ns(e),r=Ye(t);return{type:"block-map",offset:this.offset,indent:this.indent,items:[{start:r,key:null,sep:[this.sourceToken]}]}}}return null}atIndentedComment(e,t){return this.type!=="comment"||this.indent<=t?!1:e.every(r=>r.type==="newline"||r.type==="space")}*documentEnd(e){this.type!=="doc-mode"&&(e.end?e.end.push(this.sourceToken):e.end=[this.sourceToken],this.type==="newline"&&(yield*this.pop()))}*lineEnd(e){switch(this.type){case"comma":case"doc-start":case"doc-end":case"flow-seq-end":case"flow-map-end":case"map-value-ind":yield*this.pop(),yield*this.step();break;case"newline":this.onKeyLine=!1;default:e.end?e.end.push(this.sourceToken):e.end=[this.sourceToken],this.type==="newline"&&(yield*this.pop())}}};qa.Parser=vi});var Ma=w(wt=>{"use strict";var Ia=ui(),Up=dt(),St=ht(),Jp=lr(),Wp=q(),Gp=wi(),Ta=Ai();function Ca(s){let e=s.prettyErrors!==!1;return{lineCounter:s.lineCounter||e&&new Gp.LineCounter||null,prettyErrors:e}}function Hp(s,e={}){let{lineCounter:t,prettyErrors:r}=Ca(e),i=new Ta.Parser(t?.addNewLine),n=new Ia.Composer(e),o=Array.from(n.compose(i.parse(s)));if(r&&t)for(let a of o)a.errors.forEach(St.prettifyError(s,t)),a.warnings.forEach(St.prettifyError(s,t));return o.length>0?o:Object.assign([],{empty:!0},n.streamInfo())}function La(s,e={}){let{lineCounter:t,prettyErrors:r}=Ca(e),i=new Ta.Parser(t?.addNewLine),n=new Ia.Composer(e),o=null;for(let a of n.compose(i.parse(s),!0,s.length))if(!o)o=a;else if(o.options.logLevel!=="silent"){o.errors.push(new St.YAMLParseError(a.range.slice(0,2),"MULTIPLE_DOCS","Source contains multiple documents; please use YAML.parseAllDocuments()"));break}return r&&t&&(o.errors.forEach(St.prettifyError(s,t)),o.warnings.forEach(St.prettifyError(s,t))),o}function zp(s,e,t){let r;typeof e=="function"?r=e:t===void 0&&e&&typeof e=="object"&&(t=e);let i=La(s,t);if(!i)return null;if(i.warnings.forEach(n=>Jp.warn(i.options.logLevel,n)),i.errors.length>0){if(i.options.logLevel!=="silent")throw i.errors[0];i.errors=[]}return i.toJS(Object.assign({reviver:r},t))}function Qp(s,e,t){let r=null;if(typeof e=="function"||Array.isArray(e)?r=e:t===void 0&&e&&(t=e),typeof t=="string"&&(t=t.length),typeof t=="number"){let i=Math.round(t);t=i<1?void 0:i>8?{indent:8}:{indent:i}}if(s===void 0){let{keepUndefined:i}=t??e??{};if(!i)return}return Wp.isDocument(s)&&!r?s.toString(t):new Up.Document(s,r,t).toString(t)}wt.parse=zp;wt.parseAllDocuments=Hp;wt.parseDocument=La;wt.stringify=Qp});var Oi=w(I=>{"use strict";var Xp=ui(),Zp=dt(),ed=Kr(),$i=ht(),td=Qe(),he=q(),sd=fe(),rd=M(),id=de(),nd=me(),od=Os(),ad=ki(),ld=wi(),cd=Ai(),Is=Ma(),Pa=We();I.Composer=Xp.Composer;I.Document=Zp.Document;I.Schema=ed.Schema;I.YAMLError=$i.YAMLError;I.YAMLParseError=$i.YAMLParseError;I.YAMLWarning=$i.YAMLWarning;I.Alias=td.Alias;I.isAlias=he.isAlias;I.isCollection=he.isCollection;I.isDocument=he.isDocument;I.isMap=he.isMap;I.isNode=he.isNode;I.isPair=he.isPair;I.isScalar=he.isScalar;I.isSeq=he.isSeq;I.Pair=sd.Pair;I.Scalar=rd.Scalar;I.YAMLMap=id.YAMLMap;I.YAMLSeq=nd.YAMLSeq;I.CST=od;I.Lexer=ad.Lexer;I.LineCounter=ld.LineCounter;I.Parser=cd.Parser;I.parse=Is.parse;I.parseAllDocuments=Is.parseAllDocuments;I.parseDocument=Is.parseDocument;I.stringify=Is.stringify;I.visit=Pa.visit;I.visitAsync=Pa.visitAsync});var G=class extends Error{name="IsthmusError";code;retryable;constructor(e,t,r={}){let{retryable:i,...n}=r;super(t,n),this.code=e,this.retryable=i??!1}};var F=Ui(Oi(),1);var vt=new WeakMap;function Ei(s,e,t){let r={resolve:t,self:e,keys:new Map,values:new Map};return vt.set(s,r),r}function O(s,e){if(s===null||typeof s!="object")return;let t=vt.get(s);if(t)return e===void 0?t.resolve(t.self):t.resolve(t.values.get(e)??t.keys.get(e)??t.self)}function C(s,e){if(s===null||typeof s!="object")return;let t=vt.get(s);return t?t.resolve(t.keys.get(e)??t.values.get(e)??t.self):void 0}function Z(s,e){if(s!==null&&typeof s=="object"){let t=vt.get(s);t&&vt.set(e,t)}return e}var At={maxBytes:256*1024,maxDepth:128,maxNodes:2e5},je=class extends G{name="LimitExceeded";constructor(e){super("yaml.limit",e)}},ud=256*1024;function Ni(s,e,t,r=At){let i=(d=1,p=1)=>({file:e,line:d,column:p}),n=typeof s=="string"?Buffer.byteLength(s):s.byteLength;if(n>r.maxBytes){t.error("yaml.too-large",`file is ${n} bytes; the limit is ${r.maxBytes}`,i(),"split the blueprint into imported files");return}let o;if(typeof s=="string")o=s;else try{o=new TextDecoder("utf-8",{fatal:!0}).decode(s)}catch{t.error("yaml.encoding","file is not valid UTF-8",i(),"save the file as UTF-8");return}o.charCodeAt(0)===65279&&(o=o.slice(1));let a=Ra(o);if(o.length<=ud&&a.doc&&a.doc.errors.some(d=>d.code==="MISSING_CHAR")){let d=pd(o);if(d!==o){let p=Ra(d);p.doc&&p.doc.errors.length===0&&(a=p,t.warning("yaml.lenient-indent","a multi-line quoted string is not indented past its key; read as PyYAML reads it",i(),"indent continuation lines of quoted strings"))}}let{doc:l,lineCounter:c,error:y}=a;if(!l){t.error("yaml.syntax",`cannot parse YAML: ${y}`,i());return}let f=d=>{if(d===void 0||d<0)return i();let{line:p,col:h}=c.linePos(d);return i(p,h)};if(l.errors.length>0){for(let d of l.errors)t.error("yaml.syntax",d.message.split(`
`)[0]??d.message,f(d.pos[0]),"check indentation and quoting");return}for(let d of l.warnings)t.warning("yaml.warning",d.message.split(`
`)[0]??d.message,f(d.pos[0]));let u=0,m=(d,p,h)=>{if(++u>r.maxNodes)throw new je(`more than ${r.maxNodes} YAML nodes after alias expansion`);if(p>r.maxDepth)throw new je(`nesting deeper than ${r.maxDepth} levels`);if(d==null)return null;if((0,F.isAlias)(d)){let g=d.resolve(l);if(!g)return null;if(h.has(g))throw new je("recursive alias");h.add(g);try{return m(g,p+1,h)}finally{h.delete(g)}}if((0,F.isScalar)(d)){let g=d.value;return g==null?null:typeof g=="boolean"||typeof g=="string"||typeof g=="number"?g:typeof g=="bigint"?Number(g):g instanceof Date?g.toISOString():String(g)}if((0,F.isSeq)(d)){let g=[],S=Ei(g,d.range?.[0]??-1,f);return d.items.forEach((v,A)=>{let b=v;S.values.set(A,b?.range?.[0]??d.range?.[0]??-1),g.push(m(b,p+1,h))}),g}if((0,F.isMap)(d)){let g={},S=Ei(g,d.range?.[0]??-1,f),v=[];for(let A of d.items){if(!(0,F.isPair)(A))continue;let b=A.key;if((0,F.isScalar)(b)&&(b.source==="<<"||b.value==="<<")){v.push(m(A.value,p+1,h));continue}let E=b===null?null:m(b,p+1,h),k=E===null?"null":typeof E=="object"?JSON.stringify(E):String(E),N=b?.range?.[0]??-1;if(k==="__proto__"){t.error("yaml.reserved-key","'__proto__' cannot be a key (a node, input, type or property name)",f(N),"rename it");continue}Object.hasOwn(g,k)&&t.warning("yaml.duplicate-key",`duplicate key '${k}': the later value wins`,f(N),"remove one of the two entries");let j=A.value;S.keys.set(k,N),S.values.set(k,j?.range?j.range[0]:N),g[k]=m(j,p+1,h)}for(let A of v.flatMap(b=>Array.isArray(b)?b:[b]))if(A&&typeof A=="object"&&!Array.isArray(A))for(let[b,_]of Object.entries(A))Object.hasOwn(g,b)||(g[b]=_);return g}return null};try{return{value:m(l.contents,0,new Set),file:e}}catch(d){if(d instanceof je){t.error("yaml.limit",d.message,i(),"remove deep nesting or repeated aliases");return}if(d instanceof RangeError){t.error("yaml.limit","document too deeply nested",i());return}throw d}}var fd={tag:"tag:yaml.org,2002:bool",default:!0,test:/^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,resolve:s=>/^(?:yes|true|on)$/i.test(s)};function Ra(s){let e=new F.LineCounter;try{return{doc:(0,F.parseDocument)(s,{version:"1.1",merge:!0,uniqueKeys:!1,lineCounter:e,prettyErrors:!1,customTags:r=>[fd,...r.filter(i=>typeof i=="object"&&"tag"in i&&i.tag!=="tag:yaml.org,2002:timestamp"&&i.tag!=="tag:yaml.org,2002:bool")]}),lineCounter:e}}catch(t){return{lineCounter:e,error:t.message}}}function pd(s){let e=s.split(`
`);for(let t=0;t<e.length;t++){let r=/^(\s*(?:- )?)[^\s#'"][^:#]*:\s+(['"])(.*)$/.exec(e[t]);if(!r)continue;let i=r[2];if(Da(r[3],i))continue;let n=r[1].length+2,o=t+1;for(;o<e.length;o++){let a=e[o],l=a.length-a.trimStart().length;if(a.trim()!==""&&l<n&&(e[o]=" ".repeat(n-l)+a),Da(a,i))break}t=o}return e.join(`
`)}function Da(s,e){return e==="'"?(s.replace(/''/g,"").match(/'/g)??[]).length%2===1:(s.replace(/\\./g,"").match(/"/g)??[]).length%2===1}function $(s){return s!==null&&typeof s=="object"&&!Array.isArray(s)}var $t=class extends G{name="BlueprintError";diagnostics;constructor(e,t="blueprint.invalid"){let r=e.filter(n=>n.severity==="error"),i=r[0]??e[0];super(t,i?`${Ba(i)}${r.length>1?` (and ${r.length-1} more)`:""}`:"invalid blueprint"),this.diagnostics=e}get isUnsupported(){let e=this.diagnostics.filter(t=>t.severity==="error");return e.length>0&&e.every(t=>Ya.has(t.code))}},Ya=new Set(["import.remote-url","import.unknown-plugin","import.blueprint-unmapped"]);function ja(s){return s?`${s.file}:${s.line}:${s.column}`:"<blueprint>"}function Ba(s){let e=s.hint?` (hint: ${s.hint})`:"",t=s.severity==="warning"?"warning ":"";return`${ja(s.position)}: ${t}${s.code}: ${s.message}${e}`}var Be=class{items=[];error(e,t,r,i){this.items.push(xa({code:e,message:t,severity:"error"},r,i))}warning(e,t,r,i){this.items.push(xa({code:e,message:t,severity:"warning"},r,i))}get hasErrors(){return this.items.some(e=>e.severity==="error")}get errorCount(){return this.items.filter(e=>e.severity==="error").length}throwIfErrors(){if(this.hasErrors)throw new $t(Ts(this.items))}};function xa(s,e,t){let r={...s};return e&&(r.position=e),t&&(r.hint=t),r}function Ts(s){return[...s].sort((e,t)=>{let r=e.position?.file??"",i=t.position?.file??"";return r!==i?r<i?-1:1:(e.position?.line??0)-(t.position?.line??0)||(e.position?.column??0)-(t.position?.column??0)})}import{isDeepStrictEqual as Pd}from"node:util";import{existsSync as Ad,readFileSync as $d,realpathSync as Od,statSync as Rs}from"node:fs";import P from"node:path";var Fa=`
      ansible_external_venv: { type: string, default: '' }
      ansible_playbook_executable_path: { type: string, default: '', description: 'ansible-playbook to run instead of the one on PATH' }
      extra_packages: { type: list, default: [] }
      galaxy_collections: { type: list, default: [] }
      roles: { type: list, default: [] }
      module_path: { type: string, default: '' }
      playbook_source_path: { type: string, default: '', description: 'a directory of the blueprint the playbook_path is relative to' }
      playbook_path: { type: string, default: '', description: 'the playbook, a file of the blueprint' }
      site_yaml_path: { type: string, default: '', description: 'deprecated name of playbook_path' }
      additional_playbook_files: { type: list, default: [] }
      sources: { default: '', description: 'the inventory - YAML, or a file of the blueprint; else the sources runtime property or the host' }
      run_data: { default: {}, description: 'extra variables' }
      sensitive_keys: { type: list, default: [ ansible_password ] }
      options_config: { default: {}, description: 'ansible-playbook options such as tags, skip_tags, limit' }
      ansible_env_vars:
        default: { ANSIBLE_HOST_KEY_CHECKING: 'False', ANSIBLE_INVALID_TASK_ATTRIBUTE_FAILED: 'False', ANSIBLE_STDOUT_CALLBACK: json }
      debug_level: { type: integer, default: 2 }
      log_stdout: { type: boolean, default: true }
      additional_args: { type: string, default: '' }
      start_at_task: { type: string, default: '' }
      scp_extra_args: { type: string, default: '' }
      sftp_extra_args: { type: string, default: '' }
      ssh_common_args: { type: string, default: '' }
      ssh_extra_args: { type: string, default: '' }
      timeout: { type: string, default: '10' }
      save_playbook: { type: boolean, default: false }
      remerge_sources: { type: boolean, default: false }
      ansible_become: { type: boolean, default: false }
      tags: { type: list, default: [] }
      auto_tags: { type: boolean, default: false }
      number_of_attempts: { type: integer, default: 3, description: 'attempts while hosts are unreachable' }
      store_facts: { type: boolean, default: true }`,dd=["ansible_playbook_executable_path","extra_packages","galaxy_collections","roles","playbook_source_path","playbook_path","site_yaml_path","save_playbook","remerge_sources","sources","run_data","sensitive_keys","options_config","ansible_env_vars","debug_level","additional_args","start_at_task","scp_extra_args","sftp_extra_args","ssh_common_args","ssh_extra_args","timeout","tags","auto_tags","number_of_attempts","store_facts"],Fe=(s,e,t)=>dd.map(r=>`${t}${r}: { default: { ${s}: [ ${e}, ${r} ] } }`).join(`
`),Va=`
plugins:
  ansible: { executor: central_deployment_agent, package_name: cloudify-ansible-plugin }

node_types:

  cloudify.nodes.ansible.Ansible:
    derived_from: cloudify.nodes.SoftwareComponent
    properties:
      use_existing_resource: { type: boolean, default: false }
      installation_source: { type: string, default: 'ansible==4.10.0' }
      extra_packages: { type: list, default: [] }
      galaxy_collections: { type: list, default: [] }
      ansible_external_venv: { type: string, default: '' }
      ansible_playbook_executable_path: { type: string, default: '' }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: ansible.cloudify_ansible.tasks.install
        delete: ansible.cloudify_ansible.tasks.uninstall

  cloudify.nodes.ansible.Executor:
    derived_from: cloudify.nodes.Root
    properties:${Fa}
    interfaces:
      cloudify.interfaces.lifecycle:
        precreate: ansible.cloudify_ansible.tasks.precreate
        start:
          implementation: ansible.cloudify_ansible.tasks.run
          inputs:
${Fe("get_property","SELF","            ")}
        delete: ansible.cloudify_ansible.tasks.cleanup
      ansible:
        reload:
          implementation: ansible.cloudify_ansible.tasks.run
          inputs:
${Fe("get_property","SELF","            ")}

  cloudify.nodes.ansible.Playbook:
    derived_from: cloudify.nodes.Root
    properties:${Fa}
      kerberos_config: { type: string, required: false }
    interfaces:
      cloudify.interfaces.lifecycle:
        precreate: ansible.cloudify_ansible.tasks.precreate
        configure: ansible.cloudify_ansible.tasks.configure
        start:
          implementation: ansible.cloudify_ansible.tasks.set_playbook_config
          inputs:
${Fe("get_property","SELF","            ")}
        poststart:
          implementation: ansible.cloudify_ansible.tasks.store_facts
          inputs:
${Fe("get_property","SELF","            ")}
      ansible:
        reload:
          implementation: ansible.cloudify_ansible.tasks.run
          inputs:
${Fe("get_property","SELF","            ")}

relationships:

  cloudify.relationships.ansible.connected_to_host:
    derived_from: cloudify.relationships.connected_to
    source_interfaces:
      cloudify.interfaces.relationship_lifecycle:
        preconfigure:
          implementation: ansible.cloudify_ansible.tasks.ansible_requires_host
          inputs:
            group_name: { default: '', description: 'the inventory group; named after the target type when empty' }
            hostname: { default: '', description: 'the host name; the target instance id when empty' }
            host_config: { default: {}, description: 'ansible_host, ansible_user, ansible_ssh_private_key_file, ansible_port ...; else from the target Compute' }
        unlink:
          implementation: ansible.cloudify_ansible.tasks.ansible_remove_host
          inputs:
            group_name: { default: '' }
            hostname: { default: '' }

  cloudify.relationships.ansible.run_on_host:
    derived_from: cloudify.relationships.connected_to
    source_interfaces:
      cloudify.interfaces.relationship_lifecycle:
        establish:
          implementation: ansible.cloudify_ansible.tasks.run
          inputs:
${Fe("get_attribute","SOURCE","            ")}
        unlink: ansible.cloudify_ansible.tasks.cleanup

  cloudify.ansible.relationships.connected_to_host:
    derived_from: cloudify.relationships.ansible.connected_to_host

  cloudify.ansible.relationships.run_on_host:
    derived_from: cloudify.relationships.ansible.run_on_host

workflows:
  reload_ansible_playbook:
    mapping: ansible.cloudify_ansible.workflows.reload_playbook
    parameters:
      node_instance_ids: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      playbook_path: { type: string, default: '' }
      sources: { default: '' }
      run_data: { default: {} }
      options_config: { default: {} }
      ansible_env_vars: { default: {} }
      start_at_task: { type: string, default: '' }
      tags: { type: list, default: [] }
`;var Ka=`
tosca_definitions_version: cloudify_dsl_1_3

metadata:
  cloudify_types: true

plugins:
  # Operations of the manager-bound types (Component, SharedResource, \u2026) and of the agent.
  cfy_extensions: { executor: central_deployment_agent, install: false }
  agent: { executor: central_deployment_agent, install: false }
  default_workflows: { executor: central_deployment_agent, install: false }
  script: { executor: host_agent, install: false }

node_types:
  cloudify.nodes.Root:
    properties:
      use_external_resource:
        description: True when the resource already exists and should be used, not created.
        type: boolean
        default: false
      resource_id:
        description: Identifies the existing resource when use_external_resource is true.
        required: false
    interfaces:
      cloudify.interfaces.lifecycle:
        precreate: {}
        create: {}
        configure: {}
        start: {}
        poststart: {}
        prestop: {}
        stop: {}
        delete: {}
        postdelete: {}
        preupdate: {}
        update: {}
        postupdate: {}
        update_config: {}
        update_apply: {}
        update_postapply: {}
        preheal: {}
        heal: {}
        postheal: {}
        pull: {}
        check_drift: {}
      cloudify.interfaces.validation:
        create: {}
        delete: {}
        check_status: {}
        creation: {}
        deletion: {}
      cloudify.interfaces.monitoring:
        start: {}
        stop: {}

  cloudify.nodes.Compute:
    derived_from: cloudify.nodes.Root
    properties:
      ip: { default: '' }
      os_family:
        description: Operating system family of the host (linux or windows).
        default: linux
      agent_config:
        description: Accepted for compatibility; Isthmus installs no agents.
        type: cloudify.datatypes.AgentConfig
        default: { install_method: none }
      install_agent: { default: '' }
      cloudify_agent: { default: {} }

  cloudify.nodes.Container: { derived_from: cloudify.nodes.Compute }
  cloudify.nodes.Tier: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.Volume: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.FileSystem:
    derived_from: cloudify.nodes.Root
    properties:
      use_external_resource: { type: boolean, default: false }
      partition_type: { type: integer, default: 83 }
      fs_type: { type: string, description: 'ext2, ext3, ext4, fat, ntfs or swap' }
      fs_mount_path: { type: string }
  cloudify.nodes.ObjectStorage: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.Network: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.Subnet: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.Port: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.Router: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.LoadBalancer: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.VirtualIP: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.SecurityGroup: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.SoftwareComponent: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.DBMS: { derived_from: cloudify.nodes.SoftwareComponent }
  cloudify.nodes.Database: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.WebServer:
    derived_from: cloudify.nodes.SoftwareComponent
    properties:
      port: { default: 80 }
  cloudify.nodes.ApplicationServer: { derived_from: cloudify.nodes.SoftwareComponent }
  cloudify.nodes.MessageBusServer: { derived_from: cloudify.nodes.SoftwareComponent }
  cloudify.nodes.ApplicationModule: { derived_from: cloudify.nodes.Root }
  cloudify.nodes.CloudifyManager:
    derived_from: cloudify.nodes.SoftwareComponent
    properties:
      cloudify: { default: {} }
      cloudify_packages: { required: false }

  # Types that reach other deployments (Isthmus runs them through its driver; see plugins/extensions).
  cloudify.nodes.Component:
    derived_from: cloudify.nodes.Root
    properties:
      resource_config: { type: cloudify.datatypes.Component, default: {} }
      client: { type: cloudify.datatypes.RemoteCloudifyManagerClient, default: {} }
      plugins: { type: dict, default: {} }
      secrets: { type: dict, default: {} }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: cfy_extensions.cloudify_types.component.upload_blueprint
        configure: cfy_extensions.cloudify_types.component.create
        start:
          implementation: cfy_extensions.cloudify_types.component.execute_start
          inputs:
            workflow_id: { type: string, default: install }
            timeout: { type: integer, default: 1800 }
            interval: { type: integer, default: 1 }
        stop:
          implementation: cfy_extensions.cloudify_types.component.execute_start
          inputs:
            workflow_id: { default: uninstall }
            resource_config:
              default:
                blueprint: { get_property: [ SELF, resource_config, blueprint ] }
                deployment: { get_property: [ SELF, resource_config, deployment ] }
                executions_start_args: { allow_custom_parameters: true }
        delete: cfy_extensions.cloudify_types.component.delete
        refresh: cfy_extensions.cloudify_types.component.refresh
        heal: cfy_extensions.cloudify_types.component.heal
        update: cfy_extensions.cloudify_types.component.update
      cloudify.interfaces.validation:
        check_status: cfy_extensions.cloudify_types.component.check_status
  cloudify.nodes.ServiceComponent: { derived_from: cloudify.nodes.Component }
  cloudify.nodes.SharedResource:
    derived_from: cloudify.nodes.Root
    properties:
      resource_config: { type: cloudify.datatypes.SharedResource, default: {} }
      client: { type: cloudify.datatypes.RemoteCloudifyManagerClient, default: {} }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: cfy_extensions.cloudify_types.shared_resource.connect_deployment
        delete: cfy_extensions.cloudify_types.shared_resource.disconnect_deployment
      cloudify.interfaces.validation:
        check_status: cfy_extensions.cloudify_types.shared_resource.check_status
  cloudify.nodes.Blueprint:
    derived_from: cloudify.nodes.Root
    properties:
      resource_config: { type: cloudify.datatypes.Blueprint, default: {} }
      client: { type: cloudify.datatypes.RemoteCloudifyManagerClient, default: {} }
      plugins: { type: dict, default: {} }
      secrets: { type: dict, default: {} }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: cfy_extensions.cloudify_types.blueprint.upload
        delete: cfy_extensions.cloudify_types.blueprint.delete
  cloudify.nodes.PasswordSecret:
    derived_from: cloudify.nodes.Root
    properties:
      length: { type: integer, default: 8 }
      uppercase: { type: integer, default: 0 }
      lowercase: { type: integer, default: 0 }
      digits: { type: integer, default: 0 }
      symbols: { type: integer, default: 0 }
      secret_name: { type: string, required: false }
      use_secret_if_exists: { type: boolean, default: false }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: cfy_extensions.cloudify_types.password_secret.create
        delete: cfy_extensions.cloudify_types.password_secret.delete

relationships:
  cloudify.relationships.depends_on:
    properties:
      connection_type: { default: all_to_all }
    source_interfaces:
      cloudify.interfaces.relationship_lifecycle: &relationship_lifecycle
        preconfigure: {}
        postconfigure: {}
        establish: {}
        unlink: {}
        update: {}
        check_drift: {}
    target_interfaces:
      cloudify.interfaces.relationship_lifecycle: *relationship_lifecycle
  cloudify.relationships.connected_to: { derived_from: cloudify.relationships.depends_on }
  cloudify.relationships.contained_in: { derived_from: cloudify.relationships.depends_on }
  cloudify.relationships.depends_on_lifecycle_operation:
    derived_from: cloudify.relationships.depends_on
    properties:
      operation: { type: string, description: The target's lifecycle operation to wait for. }
  cloudify.relationships.depends_on_shared_resource:
    derived_from: cloudify.relationships.depends_on
  cloudify.relationships.connected_to_shared_resource:
    derived_from: cloudify.relationships.connected_to
  cloudify.relationships.file_system_depends_on_volume:
    derived_from: cloudify.relationships.depends_on
  cloudify.relationships.file_system_contained_in_compute:
    derived_from: cloudify.relationships.contained_in

data_types:
  cloudify.datatypes.AgentConfig:
    properties:
      install_method: { type: string, required: true }
      service_name: { type: string, required: false }
      network: { type: string, required: false }
      user: { type: string, required: false }
      key: { type: string, required: false }
      password: { type: string, required: false }
      port: { type: integer, required: false }
      host_key: { type: string, required: false, description: "Isthmus: the host's SSH key (SHA256 fingerprint, public key or known_hosts line); else trusted on first use" }
      powershell: { type: string, required: false, description: 'Isthmus: the PowerShell of a Windows host (default powershell.exe; pwsh for PowerShell 7)' }
      process_management: { required: false }
      min_workers: { type: integer, required: false }
      max_workers: { type: integer, required: false }
      heartbeat: { required: false }
      disable_requiretty: { type: boolean, required: false }
      env: { required: false }
      extra: { required: false }
      executable_temp_path: { type: string, required: false }
      log_level: { type: string, required: false }
      log_max_bytes: { type: integer, required: false }
      log_max_history: { type: integer, required: false }
  cloudify.datatypes.Blueprint:
    properties:
      external_resource: { type: boolean, default: false }
      id: { type: blueprint_id, required: false }
      main_file_name: { type: string, default: blueprint.yaml }
      blueprint_archive: { type: string, default: '' }
      labels: { type: list, required: false }
  cloudify.datatypes.ComponentDeployment:
    properties:
      external_resource: { type: boolean, default: false }
      id: { type: deployment_id, required: false }
      inputs: { type: dict, default: {} }
      logs: { type: boolean, required: false }
      auto_inc_suffix: { type: boolean, required: false }
      labels: { type: list, required: false }
  cloudify.datatypes.Component:
    properties:
      blueprint: { type: cloudify.datatypes.Blueprint, required: true }
      deployment: { type: cloudify.datatypes.ComponentDeployment, required: true }
      executions_start_args: { type: dict, default: {} }
  cloudify.datatypes.RemoteCloudifyManagerClient:
    properties:
      host: { type: string, required: false }
      port: { type: integer, required: false }
      protocol: { type: string, required: false }
      api_version: { type: string, required: false }
      headers: { type: dict, required: false }
      query_params: { type: dict, required: false }
      cert: { type: string, required: false }
      trust_all: { type: boolean, required: false }
      username: { type: string, required: false }
      password: { type: string, required: false }
      token: { type: string, required: false }
      tenant: { type: string, required: false }
  cloudify.datatypes.SharedResourceDeployment:
    properties:
      id: { type: deployment_id, required: true }
  cloudify.datatypes.SharedResource:
    properties:
      deployment: { type: cloudify.datatypes.SharedResourceDeployment, required: true }

workflows:
  install:
    mapping: default_workflows.isthmus.install
    parameters:
      type_names: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      node_instance_ids: { type: list, default: [] }
  uninstall:
    mapping: default_workflows.isthmus.uninstall
    parameters:
      ignore_failure: { type: boolean, default: false }
      type_names: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      node_instance_ids: { type: list, default: [] }
  start:
    mapping: default_workflows.isthmus.start
    parameters:
      operation_parms: { type: dict, default: {} }
      run_by_dependency_order: { type: boolean, default: true }
      type_names: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      node_instance_ids: { type: list, default: [] }
  stop:
    mapping: default_workflows.isthmus.stop
    parameters:
      operation_parms: { type: dict, default: {} }
      run_by_dependency_order: { type: boolean, default: true }
      type_names: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      node_instance_ids: { type: list, default: [] }
  restart:
    mapping: default_workflows.isthmus.restart
    parameters:
      stop_parms: { type: dict, default: {} }
      start_parms: { type: dict, default: {} }
      run_by_dependency_order: { type: boolean, default: true }
      type_names: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      node_instance_ids: { type: list, default: [] }
  execute_operation:
    mapping: default_workflows.isthmus.execute_operation
    parameters:
      operation: { type: string }
      operation_kwargs: { type: dict, default: {} }
      allow_kwargs_override: { default: null }
      run_by_dependency_order: { type: boolean, default: false }
      type_names: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      node_instance_ids: { type: list, default: [] }
  heal:
    mapping: default_workflows.isthmus.heal
    parameters:
      node_instance_id: { type: string, default: null }
      diagnose_value: { type: string, default: 'Not provided' }
      ignore_failure: { type: boolean, default: true }
      check_status: { type: boolean, default: true }
      allow_reinstall: { type: boolean, default: true }
      force_reinstall: { type: boolean, default: false }
  scale:
    mapping: default_workflows.isthmus.scale
    parameters:
      scalable_entity_name: { type: string }
      delta: { type: integer, default: 1 }
      scale_compute: { type: boolean, default: false }
      include_instances: { default: null }
      exclude_instances: { default: null }
      ignore_failure: { type: boolean, default: false }
      rollback_if_failed: { type: boolean, default: true }
  check_status:
    mapping: default_workflows.isthmus.check_status
    parameters:
      run_by_dependency_order: { type: boolean, default: false }
      type_names: { type: list, default: [] }
      node_ids: { type: list, default: [] }
      node_instance_ids: { type: list, default: [] }
  update:
    mapping: default_workflows.isthmus.update
    parameters:
      preview: { type: boolean, default: false }
      skip_install: { type: boolean, default: false }
      skip_uninstall: { type: boolean, default: false }
      skip_reinstall: { type: boolean, default: false }
      reinstall_list: { type: list, default: [] }

policy_types:
  cloudify.policies.types.host_failure:
    source: isthmus:unsupported
    properties: { policy_operates_on_group: { default: false } }
  cloudify.policies.types.threshold:
    source: isthmus:unsupported
    properties: { threshold: { required: false }, service: { default: service } }

policy_triggers:
  cloudify.policies.triggers.execute_workflow:
    source: isthmus:unsupported
    parameters:
      workflow: { description: Workflow to run }
      workflow_parameters: { default: {} }
`;var re="aws.cloudify_aws",md=`
          inputs:
            aws_resource_id: { type: string, required: false, default: null, description: 'Overrides resource_id for this operation.' }
            runtime_properties: { required: false, default: null, description: 'Merged into the instance''s runtime properties.' }
            force_operation: { required: false, default: false, description: 'Run even when use_external_resource is true.' }
            resource_config: { required: false, default: {}, description: 'Merged over the node''s resource_config for this call.' }`;function yd(s,e=!0){return Object.entries(s).map(([t,r])=>`        ${t}:
          implementation: ${r.startsWith("aws.")?r:`${re}.${r}`}${e?md:""}`).join(`
`)}function hd(s){return!s.validation&&!s.drift?"":`
      cloudify.interfaces.validation:${s.validation?`
        check_status: { implementation: ${re}.workflows.check_status.check_status }`:""}${s.drift?`
        check_drift: { implementation: ${re}.${s.drift} }`:""}`}var Ja=`
      use_external_resource: { type: boolean, default: false, description: 'Adopt an existing resource (resource_id) instead of creating one; it is left in place on uninstall.' }
      client_config: { type: cloudify.datatypes.aws.ConnectionConfig, required: false, description: 'Region and credentials; the step''s own AWS identity is used when no keys are given.' }
      resource_id: { type: string, default: '', description: 'The id (or name) of an existing resource to adopt.' }`,Ua=`
      resource_config: { required: false, default: {}, description: 'Parameters of the AWS API call, in the API''s own case (CidrBlock, \u2026); a kwargs map is merged in, as in Cloudify.' }`,ee="cloudify.nodes.aws.ec2.BaseType",gd={"cloudify.nodes.aws.ec2.Vpc":{drift:"ec2.resources.vpc.check_drift",derivedFrom:ee,validation:!0,ops:{precreate:"ec2.resources.vpc.prepare",create:"ec2.resources.vpc.create",poststart:"ec2.resources.vpc.poststart",delete:"ec2.resources.vpc.delete",modify_vpc_attribute:"ec2.resources.vpc.modify_vpc_attribute"}},"cloudify.nodes.aws.ec2.Subnet":{drift:"ec2.resources.subnet.check_drift",derivedFrom:ee,validation:!0,properties:`
      use_available_zones: { type: boolean, required: false, description: 'Ignored by Isthmus: the subnet is created in the zone given.' }`,ops:{precreate:"ec2.resources.subnet.prepare",create:"ec2.resources.subnet.create",poststart:"ec2.resources.subnet.poststart",delete:"ec2.resources.subnet.delete",modify_subnet_attribute:"ec2.resources.subnet.modify_subnet_attribute"}},"cloudify.nodes.aws.ec2.SecurityGroup":{drift:"ec2.resources.securitygroup.check_drift",derivedFrom:ee,validation:!0,ops:{precreate:"ec2.resources.securitygroup.prepare",create:"ec2.resources.securitygroup.create",poststart:"ec2.resources.securitygroup.poststart",delete:"ec2.resources.securitygroup.delete"}},"cloudify.nodes.aws.ec2.SecurityGroupRuleIngress":{drift:"ec2.resources.securitygroup.check_drift",ops:{start:"ec2.resources.securitygroup.authorize_ingress_rules",poststart:"ec2.resources.securitygroup.poststart_authorize",stop:"ec2.resources.securitygroup.revoke_ingress_rules"}},"cloudify.nodes.aws.ec2.SecurityGroupRuleEgress":{drift:"ec2.resources.securitygroup.check_drift",ops:{start:"ec2.resources.securitygroup.authorize_egress_rules",poststart:"ec2.resources.securitygroup.poststart_authorize",stop:"ec2.resources.securitygroup.revoke_egress_rules"}},"cloudify.nodes.aws.ec2.InternetGateway":{derivedFrom:ee,validation:!0,ops:{precreate:"ec2.resources.internet_gateway.prepare",create:"ec2.resources.internet_gateway.create",start:"ec2.resources.internet_gateway.attach",stop:"ec2.resources.internet_gateway.detach",delete:"ec2.resources.internet_gateway.delete"}},"cloudify.nodes.aws.ec2.NATGateway":{derivedFrom:ee,validation:!0,ops:{precreate:"ec2.resources.nat_gateway.prepare",create:"ec2.resources.nat_gateway.create",delete:"ec2.resources.nat_gateway.delete"}},"cloudify.nodes.aws.ec2.ElasticIP":{validation:!0,properties:`
      Tags: { required: false, description: 'Tags for the address ([{Key, Value}]).' }
      use_unassociated_addresses: { default: false, description: 'Reuse an allocated address that is not associated.' }
      attach_existing_address: { default: false, description: 'Not used by Isthmus: an address is associated with the instance or interface it is related to.' }`,ops:{precreate:"ec2.resources.elasticip.prepare",create:"ec2.resources.elasticip.create",start:"ec2.resources.elasticip.attach",stop:"ec2.resources.elasticip.detach",delete:"ec2.resources.elasticip.delete"}},"cloudify.nodes.aws.ec2.RouteTable":{derivedFrom:ee,validation:!0,ops:{precreate:"ec2.resources.routetable.prepare",create:"ec2.resources.routetable.create",start:"ec2.resources.routetable.attach",stop:"ec2.resources.routetable.detach",delete:"ec2.resources.routetable.delete"}},"cloudify.nodes.aws.ec2.Route":{ops:{precreate:"ec2.resources.route.prepare",create:"ec2.resources.route.create",delete:"ec2.resources.route.delete"}},"cloudify.nodes.aws.ec2.Keypair":{derivedFrom:ee,properties:`
      log_create_response: { default: false, description: 'Ignored: Isthmus never logs key material.' }
      store_in_runtime_properties: { default: false, description: 'Keep a created private key in the runtime property key_material (not recommended).' }
      create_secret: { default: false, description: 'Store a created private key in Secrets Manager (AWS mode) as secret_name.' }
      secret_name: { required: false, description: 'Secret for create_secret; defaults to the key name.' }
      update_existing_secret: { default: false }
      cloudify_tagging: { default: false }`,ops:{precreate:"ec2.resources.keypair.prepare",create:"ec2.resources.keypair.create",delete:"ec2.resources.keypair.delete"}},"cloudify.nodes.aws.ec2.EBSVolume":{derivedFrom:ee,properties:`
      device_name: { type: string, default: '', description: 'Device name when attached through cloudify.relationships.aws.ebs.attachment.connected_to (e.g. /dev/sdh).' }
      use_available_zones: { type: boolean, required: false }`,validation:!0,ops:{precreate:"ec2.resources.ebs.prepare",create:"ec2.resources.ebs.create",poststart:"ec2.resources.ebs.poststart",delete:"ec2.resources.ebs.delete"}},"cloudify.nodes.aws.iam.Role":{properties:`
      policy_arns: { type: list, default: [], description: 'Managed policies to attach: [{PolicyArn: \u2026}].' }`,ops:{precreate:"iam.resources.role.precreate",create:"iam.resources.role.create",delete:"iam.resources.role.delete"}},"cloudify.nodes.aws.eks.Cluster":{drift:"eks.resources.cluster.check_drift",properties:`
      cloudify_tagging: { type: boolean, default: true, description: 'Tag the cluster with the deployment and instance that created it.' }
      store_kube_config_in_runtime: { type: boolean, default: true, description: 'Expose the kubeconfig in the runtime properties kubeconf and kubeconfig.' }`,validation:!0,ops:{precreate:"eks.resources.cluster.prepare",create:"eks.resources.cluster.create",poststart:"eks.resources.cluster.poststart",delete:"eks.resources.cluster.delete"}},"cloudify.nodes.aws.eks.NodeGroup":{drift:"eks.resources.node_group.check_drift",properties:`
      cloudify_tagging: { type: boolean, default: true }
      drain_timeout: { type: integer, default: 600, description: 'Seconds heal waits for evictions (PodDisruptionBudgets) before giving up.' }
      force_drain: { type: boolean, default: false, description: 'After drain_timeout, delete the pods that could not be evicted instead of failing.' }`,validation:!0,ops:{precreate:"eks.resources.node_group.prepare",create:"eks.resources.node_group.create",start:"eks.resources.node_group.start",poststart:"eks.resources.node_group.poststart",delete:"eks.resources.node_group.delete",heal:"eks.resources.node_group.heal"},extraInterfaces:`
      isthmus.interfaces.scaling:
        # The scale workflow runs this instead of adding instances: scale with
        # scalable_entity_name=<this node> and delta=N changes the node group's desired size.
        resize:
          implementation: ${re}.eks.resources.node_group.resize
          inputs:
            delta: { type: integer, default: 1 }`},"isthmus.nodes.aws.eks.Addon":{ops:{create:"eks.resources.addon.create",delete:"eks.resources.addon.delete"}},"cloudify.nodes.aws.route53.HostedZone":{ops:{precreate:"route53.resources.hosted_zone.prepare",create:"route53.resources.hosted_zone.create",delete:"route53.resources.hosted_zone.delete"}},"cloudify.nodes.aws.route53.RecordSet":{ops:{precreate:"route53.resources.record_set.prepare",create:"route53.resources.record_set.create",delete:"route53.resources.record_set.delete"}},"cloudify.nodes.aws.ec2.Interface":{drift:"ec2.resources.eni.check_drift",derivedFrom:ee,validation:!0,ops:{precreate:"ec2.resources.eni.prepare",create:"ec2.resources.eni.create",start:"ec2.resources.eni.attach",poststart:"ec2.resources.eni.poststart",stop:"ec2.resources.eni.detach",delete:"ec2.resources.eni.delete",modify_network_interface_attribute:"ec2.resources.eni.modify_network_interface_attribute"}},"cloudify.nodes.aws.ec2.Instances":{drift:"ec2.resources.instances.check_drift",derivedFrom:"cloudify.nodes.Compute",validation:!0,properties:`
      Tags: { required: false }
      cloudify_tagging: { type: boolean, default: true }
      use_ipv6_ip: { default: false }
      use_public_ip: { default: false }
      use_password: { default: false }`,ops:{precreate:"ec2.resources.instances.prepare",create:"ec2.resources.instances.create",start:"ec2.resources.instances.start",poststart:"ec2.resources.instances.poststart",stop:"ec2.resources.instances.stop",delete:"ec2.resources.instances.delete",modify_instance_attribute:"ec2.resources.instances.modify_instance_attribute"}},"cloudify.nodes.aws.ec2.Image":{properties:`
      use_external_resource: { type: boolean, default: true }`,ops:{precreate:"ec2.resources.image.prepare",create:"ec2.resources.image.create",delete:"ec2.resources.image.delete"}},"cloudify.nodes.aws.ec2.EBSAttachment":{ops:{prepare:"ec2.resources.ebs.prepare",create:"ec2.resources.ebs.attach",delete:"ec2.resources.ebs.detach"}},"cloudify.nodes.aws.CloudFormation.Stack":{ops:{precreate:"cloudformation.resources.stack.prepare",create:"cloudformation.resources.stack.create",start:"cloudformation.resources.stack.start",delete:"cloudformation.resources.stack.delete",pull:"cloudformation.resources.stack.pull"}}};function _d(s,e){let t=new Set([...(e??"").matchAll(/^\s+([A-Za-z_]+):/gm)].map(r=>r[1]));return s.split(`
`).filter(r=>!t.has(/^\s+([A-Za-z_]+):/.exec(r)?.[1])).join(`
`)}function bd(){return Object.entries(gd).map(([s,e])=>{let t=_d(Ja,e.properties),r=e.derivedFrom===ee?`${Ua}${e.properties??""}`:`${e.derivedFrom?"":t}${Ua}${e.properties??""}`,i=e.derivedFrom==="cloudify.nodes.Compute"?t:"";return`
  ${s}:
    derived_from: ${e.derivedFrom??"cloudify.nodes.Root"}
    properties:${i}${r}
    interfaces:${hd(e)}
      cloudify.interfaces.lifecycle:
${yd(e.ops)}${e.extraInterfaces??""}
`}).join("")}var Wa=`
plugins:
  aws:
    executor: central_deployment_agent
    package_name: cloudify-aws-plugin
    package_version: 'isthmus'

data_types:

  cloudify.datatypes.aws.ConnectionConfig:
    properties:
      aws_access_key_id: { type: string, required: false, description: 'Static credentials; prefer the step''s role (leave empty).' }
      aws_secret_access_key: { type: string, required: false }
      aws_session_token: { type: string, required: false }
      region_name: { type: string, required: false, description: 'Region, e.g. us-east-1; defaults to AWS_REGION.' }
      endpoint_url: { type: string, required: false, description: 'Endpoint override (a local or private endpoint).' }
      api_version: { type: string, required: false, description: 'Ignored (the SDK speaks one API version).' }
      assume_role: { type: string, required: false, description: 'A role ARN to assume for the calls.' }
      additional_config: { required: false, description: 'Retry settings: {retries: {max_attempts, mode}}.' }

node_types:

  ${ee}:
    derived_from: cloudify.nodes.Root
    properties:${Ja}
      Tags: { required: false, description: 'Tags for the resource ([{Key, Value}]).' }
      cloudify_tagging: { type: boolean, default: true, description: 'Tag the resource with the deployment and instance that created it.' }
${bd()}
  cloudify.nodes.resources.AmazonWebServices:
    derived_from: cloudify.nodes.Root
    properties:
      client_config: { type: cloudify.datatypes.aws.ConnectionConfig, required: false }
      regions: { type: list, default: [] }
      resource_config: { type: dict, default: { resource_types: [ AWS::EKS::CLUSTER ] } }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: ${re}.workflows.resources.initialize
        delete: ${re}.workflows.resources.deinitialize

relationships:

  cloudify.relationships.aws.connected_to:
    derived_from: cloudify.relationships.connected_to

  cloudify.relationships.aws.eks.connected_to_eks_cluster:
    derived_from: cloudify.relationships.aws.connected_to
    target_interfaces:
      cloudify.interfaces.relationship_lifecycle:
        establish: { implementation: ${re}.eks.resources.cluster.refresh_kubeconfig }
        unlink: { implementation: ${re}.eks.resources.cluster.refresh_kubeconfig }

  # A record set connected to its hosted zone (Isthmus reads the zone id from it; no separate association step).
  cloudify.relationships.aws.route53.hosted_zone.connected_to:
    derived_from: cloudify.relationships.aws.connected_to

  cloudify.relationships.aws.route53.record_set.connected_to:
    derived_from: cloudify.relationships.aws.connected_to

  # An EBS volume (source) attached to an instance (target) as the volume's device_name.
  cloudify.relationships.aws.ebs.attachment.connected_to:
    derived_from: cloudify.relationships.aws.connected_to
    source_interfaces:
      cloudify.interfaces.relationship_lifecycle:
        establish: { implementation: ${re}.ec2.resources.ebs.attach_using_relationship }
        unlink: { implementation: ${re}.ec2.resources.ebs.detach_using_relationship }
`;var Ga=`
plugins:
  helm: { executor: central_deployment_agent, package_name: cloudify-helm-plugin }

data_types:
  cloudify.types.helm.HelmConfig:
    properties:
      executable_path: { type: string, default: '', required: false, description: 'helm to run (else ISTHMUS_HELM, the Lambda layer, the npm package, PATH)' }
  cloudify.types.helm.ApiOptions:
    properties:
      host: { type: string, required: false }
      api_key: { type: string, required: false }
      ssl_ca_cert: { type: string, required: false }
  cloudify.types.helm.ConfigurationVariant:
    properties:
      blueprint_file_name: { type: string, required: false }
      manager_file_path: { type: string, required: false }
      file_content: { required: false }
      api_options: { type: cloudify.types.helm.ApiOptions, required: false }
  cloudify.types.helm.AuthenticationVariant:
    properties:
      gcp_service_account: { required: false }
      aws_access_key_id: { type: string, required: false }
      aws_secret_access_key: { type: string, required: false }
      aws_default_region: { type: string, required: false }
  cloudify.types.helm.ClientConfig:
    properties:
      configuration: { type: cloudify.types.helm.ConfigurationVariant, required: false }
      authentication: { type: cloudify.types.helm.AuthenticationVariant, required: false }
  cloudify.types.helm.ReleaseConfig:
    properties:
      name: { type: string, description: 'the release name' }
      chart: { type: string, description: 'a chart directory or archive of the blueprint, repo/chart, oci://\u2026, or a URL' }
      values_file: { type: string, default: '', required: false, description: 'a values file of the blueprint' }
      set_values: { default: [], required: false, description: '[{name, value}] for --set' }
      flags: { default: [], required: false, description: '[{name, value}] helm flags (namespace, version, wait, timeout \u2026)' }
  cloudify.types.helm.RepoConfig:
    properties:
      name: { type: string }
      repo_url: { type: string }
      flags: { default: [], required: false }
  cloudify.types.helm.RegistryConfig:
    properties:
      host: { type: string, required: false, description: 'the registry host; with ecr, the token endpoint''s host when left out' }
      ecr: { type: dict, required: false, default: {}, description: '{aws_config: {aws_access_key_id, aws_secret_access_key, aws_default_region}, registry_id}: logs in with an ECR token' }
      flags: { default: [], required: false, description: '[{name: username, value}, {name: password, value}] \u2026' }

node_types:

  cloudify.nodes.helm.Binary:
    derived_from: cloudify.nodes.SoftwareComponent
    properties:
      helm_config: { type: cloudify.types.helm.HelmConfig, required: false }
      use_existing_resource: { type: boolean, default: false }
      installation_source: { type: string, default: '', description: 'not downloaded: Isthmus provides helm' }
      max_sleep_time: { type: integer, default: 300 }
    interfaces:
      cloudify.interfaces.validation:
        check_status: helm.cloudify_helm.tasks.check_status_binary
        check_drift: helm.cloudify_helm.tasks.check_status_binary
      cloudify.interfaces.lifecycle:
        create: helm.cloudify_helm.tasks.install_binary
        poststart: helm.cloudify_helm.tasks.check_status_binary
        delete: helm.cloudify_helm.tasks.uninstall_binary

  cloudify.nodes.helm.Release:
    derived_from: cloudify.nodes.Root
    properties:
      helm_config: { type: cloudify.types.helm.HelmConfig, required: false }
      use_external_resource: { type: boolean, default: false }
      client_config: { type: cloudify.types.helm.ClientConfig, required: false }
      resource_config: { type: cloudify.types.helm.ReleaseConfig }
      max_sleep_time: { type: integer, default: 300 }
    interfaces:
      cloudify.interfaces.validation:
        check_status: helm.cloudify_helm.tasks.check_release_status
        check_drift: helm.cloudify_helm.tasks.check_release_drift
      cloudify.interfaces.lifecycle:
        start: { implementation: helm.cloudify_helm.tasks.install_release, inputs: { flags: { default: [] } } }
        poststart: helm.cloudify_helm.tasks.check_release_status
        delete: { implementation: helm.cloudify_helm.tasks.uninstall_release, inputs: { flags: { default: [] } } }
      helm:
        upgrade_release:
          implementation: helm.cloudify_helm.tasks.upgrade_release
          inputs:
            chart: { default: '' }
            flags: { default: [] }
            set_values: { default: [] }
            values_file: { default: '' }

  cloudify.nodes.helm.Repo:
    derived_from: cloudify.nodes.Root
    properties:
      helm_config: { type: cloudify.types.helm.HelmConfig, required: false }
      use_external_resource: { type: boolean, default: false }
      resource_config: { type: cloudify.types.helm.RepoConfig }
      max_sleep_time: { type: integer, default: 300 }
    interfaces:
      cloudify.interfaces.validation:
        check_status: helm.cloudify_helm.tasks.repo_list
        check_drift: helm.cloudify_helm.tasks.repo_check_drift
      cloudify.interfaces.lifecycle:
        start: { implementation: helm.cloudify_helm.tasks.add_repo, inputs: { flags: { default: [] } } }
        delete: { implementation: helm.cloudify_helm.tasks.remove_repo, inputs: { flags: { default: [] } } }
      helm:
        update_repo: { implementation: helm.cloudify_helm.tasks.update_repo, inputs: { flags: { default: [] } } }

  cloudify.nodes.helm.Registry:
    derived_from: cloudify.nodes.Root
    properties:
      helm_config: { type: cloudify.types.helm.HelmConfig, required: false }
      resource_config: { type: cloudify.types.helm.RegistryConfig }
      max_sleep_time: { type: integer, default: 300 }
    interfaces:
      cloudify.interfaces.validation:
        check_status: helm.cloudify_helm.tasks.check_ecr_status
      cloudify.interfaces.lifecycle:
        create: { implementation: helm.cloudify_helm.tasks.registry_login, inputs: { flags: { default: [] } } }
        delete: { implementation: helm.cloudify_helm.tasks.registry_logout, inputs: { flags: { default: [] } } }

relationships:
  cloudify.helm.relationships.run_on_host:
    derived_from: cloudify.relationships.connected_to
    source_interfaces:
      cloudify.interfaces.relationship_lifecycle:
        preconfigure: helm.cloudify_helm.tasks.inject_env_properties
  cloudify.relationships.helm.connected_to_shared_cluster:
    derived_from: cloudify.relationships.connected_to

workflows:
  update_repositories:
    mapping: helm.cloudify_helm.workflows.update_repositories
    parameters:
      node_instance_id: { type: string, default: '' }
      flags: { default: [] }
  upgrade_release:
    mapping: helm.cloudify_helm.workflows.upgrade_release
    parameters:
      node_instance_id: { type: string, default: '' }
      chart: { default: '' }
      flags: { default: [] }
      set_values: { default: [] }
      values_file: { default: '' }
`;var Ha=`
plugins:
  http:
    executor: central_deployment_agent
    package_name: isthmus-hybrid
  ssm:
    executor: central_deployment_agent
    package_name: isthmus-hybrid

node_types:

  isthmus.nodes.http.Endpoint:
    derived_from: cloudify.nodes.Root
    description: >
      A REST API. Each lifecycle operation you give it (implementation http.request) makes one
      call: inputs method, path (or url), headers, body, expected_status, extract, timeout;
      strings may use {{ name }} for runtime properties and inputs.
    properties:
      base_url: { type: string, default: '', description: 'Prefix of every path.' }
      headers: { default: {}, description: 'Headers of every call.' }
      token: { type: string, default: '', description: 'Bearer token (use get_secret).' }
      timeout: { type: integer, default: 30, description: 'Seconds per call.' }

  isthmus.nodes.ssm.Host:
    derived_from: cloudify.nodes.Root
    description: >
      A server managed by AWS Systems Manager. Operations with implementation ssm.run_commands
      run their commands input there (PowerShell on windows, shell otherwise).
    properties:
      client_config: { required: false, description: 'region_name and optional credentials (Cloudify AWS names).' }
      instance_ids: { type: list, default: [], description: 'Managed instance ids (i-\u2026 or mi-\u2026).' }
      target_tags: { default: {}, description: 'Or select instances by tags: {Role: [web]}.' }
      platform: { type: string, default: linux, constraints: [ { valid_values: [ linux, windows ] } ] }
      timeout: { type: integer, default: 600, description: 'Seconds each command may run.' }

  isthmus.nodes.windows.Service:
    derived_from: isthmus.nodes.ssm.Host
    description: >
      A Windows service on managed instances: installed (create), given its configuration as
      environment values (configure), started, stopped, removed, and checked (check_status).
    properties:
      platform: { type: string, default: windows }
      service_name: { type: string }
      binary_path: { type: string, default: '', description: 'The service executable and arguments.' }
      display_name: { type: string, required: false }
      configuration: { default: {}, description: 'Settings handed to the service, e.g. a backend address from get_attribute.' }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: ssm.windows_service
        configure: ssm.windows_service
        start: ssm.windows_service
        stop: ssm.windows_service
        delete: ssm.windows_service
      cloudify.interfaces.validation:
        check_status: ssm.windows_service
        check_drift: ssm.windows_service
`;var Y=s=>`kubernetes.cloudify_kubernetes.tasks.${s}`;function Cs(s){let e=l=>Y(s==="custom"?`custom_${l}`:`${s}_${l}`),t=s==="custom"?Y("resource_read"):e("read"),r=s==="resource"?Y("resource_read_check_status"):s==="custom"?Y("custom_check_status"):e("check_status"),i=s==="resource"?Y("resource_read_check_drift"):s==="custom"?Y("custom_check_drift"):e("check_drift"),n=s==="custom"?Y("custom_resource_create"):e("create"),o=s==="custom"?Y("resource_update"):e("update"),a=s==="custom"?Y("custom_resource_delete"):e("delete");return`
    interfaces:
      cloudify.interfaces.validation:
        check_status: { implementation: ${r} }
        check_drift: { implementation: ${i} }
      cloudify.interfaces.lifecycle:
        create: { implementation: ${n} }
        poststart: { implementation: ${t} }
        update: { implementation: ${o} }
        delete: { implementation: ${a} }
        pull: { implementation: ${t} }
        check_drift: { implementation: ${i} }
      isthmus.interfaces.kubernetes:
        # Day two, through execute_operation with operation_kwargs: node_pool (+ pool_label,
        # default isthmus.dev/node-pool), node_name, or node_selector. No declared inputs, so the
        # kwargs need no allow_kwargs_override.
        migrate: kubernetes.isthmus.migrate`}var kd=[["ClusterRoleBinding","RoleBindingDefinition",!1],["RoleBinding","RoleBindingDefinition",!1],["Role","RoleDefinition",!1],["ClusterRole","ClusterRoleDefinition",!1],["Secret","SecretDefinition",!1],["ServiceAccount","ServiceAccountDefinition",!1],["Deployment","ResourceDefinition",!0],["Node","ResourceDefinition",!1],["Namespace","ResourceDefinition",!1],["Pod","ResourceDefinition",!0],["ReplicaSet","ResourceDefinition",!0],["ReplicationController","ResourceDefinition",!0],["DaemonSet","ResourceDefinition",!0],["StatefulSet","ResourceDefinition",!0],["CustomResourceDefinition","ResourceDefinition",!0],["CustomObject","ResourceDefinition",!1],["Service","ResourceDefinition",!0],["PersistentVolume","ResourceDefinition",!0],["ConfigMap","ConfigClassResourceDefinition",!1],["StorageClass","StorageClassResourceDefinition",!1],["PodSecurityPolicy","ResourceDefinition",!1],["NetworkPolicy","ResourceDefinition",!1],["Ingress","ResourceDefinition",!1],["PersistentVolumeClaim","ResourceDefinition",!0],["Job","ResourceDefinition",!0],["CronJob","ResourceDefinition",!1]];function Sd(){return kd.map(([s,,e])=>`
  cloudify.nodes.kubernetes.resources.${s}:
    derived_from: cloudify.kubernetes.resources.BlueprintDefinedResource
    properties:
      definition:
        description: The ${s}, as Kubernetes YAML (any field the kind has; apiVersion defaults to v1).
      validate_resource_status:
        default: ${e}${s==="CustomObject"?`
      options:
        type: cloudify.kubernetes.types.CustomObjectsOptions`:""}

  cloudify.kubernetes.resources.${s}:
    derived_from: cloudify.nodes.kubernetes.resources.${s}
`).join("")}var Oe=s=>`
  cloudify.kubernetes.${s}:
    derived_from: cloudify.nodes.kubernetes.${s}
`,za=`
plugins:
  kubernetes:
    executor: central_deployment_agent
    package_name: cloudify-kubernetes-plugin
    package_version: 'isthmus'

data_types:

  cloudify.kubernetes.types.FileResource:
    properties:
      resource_path: { type: string, required: false, description: 'A YAML file of Kubernetes objects, relative to the blueprint.' }
      target_path: { type: string, required: false, description: 'Ignored (kept for compatibility).' }
      template_variables: { required: false, description: 'Values substituted for {{ NAME }} in the file.' }

  cloudify.kubernetes.types.ApiOptions:
    properties:
      host: { type: string, required: false, description: 'URL of the Kubernetes API server.' }
      ssl_ca_cert: { type: string, required: false, description: 'CA certificate (PEM content or a file path).' }
      cert_file: { type: string, required: false, description: 'Client certificate (PEM content or a file path).' }
      key_file: { type: string, required: false, description: 'Client key (PEM content or a file path).' }
      verify_ssl: { type: string, required: false, description: 'false to skip TLS verification.' }
      api_key: { type: string, required: false, description: 'Bearer token.' }
      debug: { type: boolean, required: false }

  cloudify.kubernetes.types.ConfigurationVariant:
    description: How to reach the API server; give one of these.
    properties:
      blueprint_file_name: { type: string, required: false, description: 'A kubeconfig file in the repository, relative to the blueprint.' }
      manager_file_path: { type: string, required: false, description: 'A kubeconfig file on the machine running the step.' }
      file_content: { required: false, description: 'Kubeconfig content (YAML text or a mapping).' }
      api_options: { type: cloudify.kubernetes.types.ApiOptions, required: false }

  cloudify.kubernetes.types.AuthenticationVariant:
    properties:
      gcp_service_account: { type: string, required: false, description: 'Not supported by Isthmus.' }
      azure_service_account: { type: dict, required: false, description: 'Not supported by Isthmus.' }
      aws_eks: { type: dict, required: false, description: '{cluster_name, region}: authenticate to EKS with a short-lived token from the step''s AWS identity (Isthmus addition).' }

  cloudify.kubernetes.types.ApiMappingEntry:
    properties:
      api: { type: string, required: true }
      method: { type: string, required: true }
      payload: { type: string, required: false }

  cloudify.kubernetes.types.ApiMapping:
    description: Ignored by Isthmus, which reaches any kind through API discovery.
    properties:
      create: { type: cloudify.kubernetes.types.ApiMappingEntry }
      read: { type: cloudify.kubernetes.types.ApiMappingEntry }
      update: { type: cloudify.kubernetes.types.ApiMappingEntry }
      delete: { type: cloudify.kubernetes.types.ApiMappingEntry }

  cloudify.kubernetes.types.AbstractResource:
    properties:
      apiVersion: { type: string, default: v1 }
      kind: { type: string, required: false }
      metadata: { default: {} }

  cloudify.kubernetes.types.ResourceDefinition:
    derived_from: cloudify.kubernetes.types.AbstractResource
    properties:
      spec: { default: {} }

  cloudify.kubernetes.types.RoleBindingDefinition:
    derived_from: cloudify.kubernetes.types.AbstractResource
    properties:
      roleRef: { default: {} }
      subjects: { default: [] }

  cloudify.kubernetes.types.RoleDefinition:
    derived_from: cloudify.kubernetes.types.AbstractResource
    properties:
      rules: { default: [] }

  cloudify.kubernetes.types.ClusterRoleDefinition:
    derived_from: cloudify.kubernetes.types.RoleDefinition

  cloudify.kubernetes.types.StorageClassResourceDefinition:
    derived_from: cloudify.kubernetes.types.AbstractResource
    properties:
      parameters: { required: false }
      provisioner: { required: false }

  cloudify.kubernetes.types.ServiceAccountDefinition:
    derived_from: cloudify.kubernetes.types.AbstractResource
    properties:
      automountServiceAccountToken: { type: boolean, default: false }
      imagePullSecrets: { default: [] }
      secrets: { default: [] }

  cloudify.kubernetes.types.SecretDefinition:
    derived_from: cloudify.kubernetes.types.AbstractResource
    properties:
      type: { type: string, required: false }
      data: { default: {} }
      stringData: { default: {} }

  cloudify.kubernetes.types.ConfigClassResourceDefinition:
    derived_from: cloudify.kubernetes.types.ResourceDefinition
    properties:
      data: { default: {} }

  cloudify.kubernetes.types.ClientConfig:
    properties:
      configuration: { type: cloudify.kubernetes.types.ConfigurationVariant }
      authentication: { type: cloudify.kubernetes.types.AuthenticationVariant, required: false }

  cloudify.kubernetes.types.Options:
    properties:
      namespace: { type: string, default: default }
      grace_period_seconds: { type: integer, required: false }
      propagation_policy: { type: string, required: false }

  cloudify.kubernetes.types.CustomObjectsOptions:
    properties:
      namespace: { type: string, default: default }
      group: { type: string, required: true }
      plural: { type: string, required: true }
      version: { type: string, required: true }

node_types:

  cloudify.nodes.kubernetes.Master:
    derived_from: cloudify.nodes.Root
    properties:
      configuration: { type: cloudify.kubernetes.types.ConfigurationVariant }
      authentication: { type: cloudify.kubernetes.types.AuthenticationVariant, required: false }

  cloudify.kubernetes.nodes.Master:
    derived_from: cloudify.nodes.kubernetes.Master

  cloudify.nodes.kubernetes.resources.ResourceBase:
    derived_from: cloudify.nodes.Root
    properties:
      client_config: { type: cloudify.kubernetes.types.ClientConfig, required: false }
      allow_node_redefinition: { type: boolean, default: true, description: 'An update may change the kind or name (the old object is deleted).' }
      use_external_resource: { type: boolean, default: false, description: 'The object exists already; it is read, never created or deleted.' }
      create_if_missing: { type: boolean, default: false, description: 'With use_external_resource, create it when missing (then it is not deleted either).' }
      use_if_exists: { type: boolean, default: true, description: 'Adopt an existing object of the same name (and delete it on uninstall).' }
      options: { type: cloudify.kubernetes.types.Options }
      health_check_exprs:
        default: []
        description: >
          Isthmus: when objects count as healthy, in CEL over the live object (self), as Flux's
          healthCheckExprs: [{kind, apiVersion (optional), current, failed (optional)}]; instead of
          the built-in checks for those kinds, in install waits and check_status.
${Oe("resources.ResourceBase")}
  cloudify.nodes.kubernetes.resources.ResourceWithValidateStatus:
    derived_from: cloudify.kubernetes.resources.ResourceBase
    properties:
      validate_resource_status: { type: boolean, default: false, description: 'Wait until the object is healthy before the node is started.' }
${Oe("resources.ResourceWithValidateStatus")}
  cloudify.nodes.kubernetes.resources.BlueprintDefinedResource:
    derived_from: cloudify.kubernetes.resources.ResourceWithValidateStatus
    properties:
      definition: { description: 'The object, as Kubernetes YAML: any apiVersion and kind, any field (apiVersion defaults to v1).' }
${Cs("resource")}
${Oe("resources.BlueprintDefinedResource")}
${Sd()}
  cloudify.nodes.kubernetes.resources.CustomBlueprintDefinedResource:
    derived_from: cloudify.kubernetes.resources.BlueprintDefinedResource
    properties:
      api_mapping: { required: false, description: 'Ignored: Isthmus finds any kind through API discovery (Cloudify needed the Python client class names).' }
${Cs("custom")}
${Oe("resources.CustomBlueprintDefinedResource")}
  cloudify.nodes.kubernetes.resources.FileDefinedResource:
    derived_from: cloudify.kubernetes.resources.ResourceWithValidateStatus
    properties:
      file: { type: cloudify.kubernetes.types.FileResource }
      allow_node_redefinition: { type: boolean, default: false }
      validate_resource_status: { default: true }
${Cs("file_resource")}
${Oe("resources.FileDefinedResource")}
  cloudify.nodes.kubernetes.resources.MultipleFileDefinedResources:
    derived_from: cloudify.kubernetes.resources.ResourceWithValidateStatus
    properties:
      files: { description: 'A list of FileResource entries (resource_path + template_variables).' }
      allow_node_redefinition: { type: boolean, default: false }
${Cs("multiple_file_resource")}
${Oe("resources.MultipleFileDefinedResources")}
  cloudify.nodes.kubernetes.resources.SharedCluster:
    derived_from: cloudify.nodes.SharedResource
    properties:
      client_config: { type: cloudify.kubernetes.types.ClientConfig, required: false }
      options: { type: cloudify.kubernetes.types.Options }
    interfaces:
      cloudify.interfaces.validation:
        check_status: { implementation: ${Y("get_token_status")} }
      cloudify.interfaces.lifecycle:
        configure: { implementation: ${Y("refresh_config")} }
        start: { implementation: ${Y("create_token")} }
        poststart: { implementation: ${Y("read_token")} }
        prestop: { implementation: ${Y("refresh_config")} }
        stop: { implementation: ${Y("delete_token")} }
        pull: { implementation: ${Y("read_token")} }
${Oe("resources.SharedCluster")}
relationships:

  cloudify.relationships.kubernetes.managed_by_master:
    derived_from: cloudify.relationships.connected_to

  cloudify.kubernetes.relationships.managed_by_master:
    derived_from: cloudify.relationships.kubernetes.managed_by_master

  cloudify.relationships.kubernetes.connected_to_shared_cluster:
    derived_from: cloudify.relationships.connected_to

workflows:
  # The instance's update operation, with these changes merged into its definition.
  update_resource_definition:
    mapping: kubernetes.cloudify_kubernetes.workflows.update_resource_definition
    parameters:
      node_instance_id: { type: string, default: '' }
      resource_definition_changes: { default: {} }
  # Rotates a service-account token: the cluster, the service account and its token Secret read again, then the storing node's create.
  refresh_and_store_token:
    mapping: kubernetes.cloudify_kubernetes.workflows.refresh_and_store_token
    parameters:
      kubernetes_cluster_node_instance_id: { type: string, default: eks_cluster }
      deployment_capability_name: { type: string, default: connection_details }
      service_account_node_instance_id: { type: string, default: new_service_account }
      secret_token_node_instance_id: { type: string, default: secret }
      store_token_and_kubeconfig_id: { type: string, default: store_token_and_kubeconfig }
`;var Qa=`
plugins:
  cfy_util: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  keys: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  cloudinit: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  secrets: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  cfy_files: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  configuration: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  cloudify_custom_workflow: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  scalelist: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }
  terminal: { executor: central_deployment_agent, package_name: cloudify-utilities-plugin }

data_types:
  cloudify.datatypes.terminal_auth:
    properties:
      user: { default: '' }
      password: { default: '' }
      ip: { default: '', description: 'an address or a list of them (the first that answers is used)' }
      key_content: { default: '' }
      port: { default: 22 }
      host_key: { default: '', description: 'Isthmus: the device key (fingerprint, public key or known_hosts line); else trust on first use' }
      store_logs: { default: false }
      promt_check: { default: [] }
      responses: { default: [] }
      warnings: { default: [] }
      errors: { default: [] }
      criticals: { default: [] }
      exit_command: { default: exit }
      smart_device: { default: false }
  cloudify.datatypes.key:
    properties:
      algorithm: { type: string, default: RSA, description: RSA or ED25519 }
      bits: { type: integer, default: 2048 }
      comment: { type: string, required: false }
      passphrase: { type: string, required: false }
      private_key_path: { type: string, required: false }
      public_key_path: { type: string, required: false }
      openssh_format: { type: boolean, default: true }
      unvalidated: { type: boolean, required: false }
      use_secret_store: { type: boolean, required: false }
      use_secrets_if_exist: { type: boolean, required: false }
      key_name: { type: string, required: false }
  cloudify.datatypes.File:
    properties:
      resource_path: { type: string, description: a file of the blueprint's directory }
      file_path: { type: string, description: where to write it on the machine that runs the step }
      owner: { type: string, required: false }
      mode: { required: false }
      template_variables: { required: false }
      use_sudo: { type: boolean, default: false }
      allow_failure: { type: boolean, default: false }

node_types:
  cloudify.nodes.terminal.Raw:
    derived_from: cloudify.nodes.Root
    properties:
      terminal_auth: { type: cloudify.datatypes.terminal_auth, default: {} }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: { implementation: terminal.cloudify_terminal.tasks.run, inputs: {} }
        configure: { implementation: terminal.cloudify_terminal.tasks.run, inputs: {} }
        start: { implementation: terminal.cloudify_terminal.tasks.run, inputs: {} }
        stop: { implementation: terminal.cloudify_terminal.tasks.run, inputs: {} }
        delete: { implementation: terminal.cloudify_terminal.tasks.run, inputs: {} }
  cloudify.terminal.raw:
    derived_from: cloudify.nodes.terminal.Raw
  cloudify.nodes.keys.RSAKey:
    derived_from: cloudify.nodes.Root
    properties:
      use_secret_store: { type: boolean, default: true }
      use_secrets_if_exist: { type: boolean, default: false }
      key_name: { type: string, required: false }
      resource_config: { type: cloudify.datatypes.key, required: true }
    interfaces:
      cloudify.interfaces.lifecycle:
        create:
          implementation: keys.cloudify_ssh_key.operations.create
          inputs:
            store_public_key_material: { type: boolean, default: true }
            store_private_key_material: { type: boolean, default: false }
        delete: keys.cloudify_ssh_key.operations.delete
  cloudify.keys.nodes.RSAKey:
    derived_from: cloudify.nodes.keys.RSAKey

  cloudify.nodes.CloudInit.CloudConfig:
    derived_from: cloudify.nodes.Root
    properties:
      header: { default: '#cloud-config' }
      encode_base64: { default: false }
      resource_config: { default: {} }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: cloudinit.cloudify_cloudinit.tasks.update
        configure: cloudinit.cloudify_cloudinit.tasks.update
        start: cloudinit.cloudify_cloudinit.tasks.update
        stop: cloudinit.cloudify_cloudinit.tasks.update
        delete: cloudinit.cloudify_cloudinit.tasks.delete

  cloudify.nodes.secrets.Writer:
    derived_from: cloudify.nodes.Root
    properties:
      entries: { default: {} }
      do_not_delete: { type: boolean, default: false }
      variant: { type: string, required: false }
      separator: { type: string, required: false }
      logs_secrets: { type: boolean, default: false }
      update_if_exists: { type: boolean, default: false }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: secrets.cloudify_secrets.tasks.create
        delete: secrets.cloudify_secrets.tasks.delete
      cloudify.interfaces.operations:
        update: secrets.cloudify_secrets.tasks.update
  cloudify.nodes.secrets.Reader:
    derived_from: cloudify.nodes.Root
    properties:
      keys: { default: [] }
      variant: { type: string, required: false }
      separator: { type: string, required: false }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: secrets.cloudify_secrets.tasks.read
      cloudify.interfaces.operations:
        update: secrets.cloudify_secrets.tasks.read

  cloudify.nodes.File:
    derived_from: cloudify.nodes.Root
    properties:
      resource_config: { type: cloudify.datatypes.File, required: true }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: cfy_files.cloudify_files.tasks.create
        delete: cfy_files.cloudify_files.tasks.delete

  cloudify.nodes.ConfigurationLoader:
    derived_from: cloudify.nodes.ApplicationServer
    properties:
      parameters_json: { default: '' }
    interfaces:
      cloudify.interfaces.lifecycle:
        configure:
          implementation: configuration.cloudify_configuration.tasks.load_configuration
          inputs:
            parameters: { default: { get_property: [SELF, parameters_json] } }
            merge_dicts: { default: false }
  configuration_loader:
    derived_from: cloudify.nodes.ConfigurationLoader

relationships:
  cloudify.relationships.load_from_config:
    derived_from: cloudify.relationships.depends_on
    target_interfaces:
      cloudify.interfaces.relationship_lifecycle:
        preconfigure:
          implementation: configuration.cloudify_configuration.tasks.load_configuration_to_runtime_properties
          inputs:
            source_config: { default: { get_attribute: [TARGET, params] } }
  load_from_config:
    derived_from: cloudify.relationships.load_from_config

workflows:
  scaleuplist:
    mapping: scalelist.cloudify_scalelist.workflows.scaleuplist
    parameters:
      scalable_entity_properties: { default: {}, description: "node name: [runtime properties of each new instance]" }
      scale_compute: { default: false }
      ignore_failure: { type: boolean, default: false }
      ignore_rollback_failure: { type: boolean, default: true }
      scale_transaction_field: { type: string, default: _transaction_id }
      scale_transaction_value: { type: string, default: "" }
      node_sequence: { default: false, description: accepted; Isthmus installs in dependency order }
      rollback_on_failure: { type: boolean, default: true }
  scaledownlist:
    mapping: scalelist.cloudify_scalelist.workflows.scaledownlist
    parameters:
      scale_compute: { default: false }
      ignore_failure: { type: boolean, default: false }
      scale_transaction_field: { type: string, default: _transaction_id }
      scale_node_name: { type: string, default: "" }
      scale_node_field: { default: "" }
      scale_node_field_value: { default: "" }
      force_db_cleanup: { default: false, description: deprecated in the plugin; accepted }
      all_results: { default: false, description: accepted; every instance is searched }
      node_sequence: { default: false, description: accepted; Isthmus uninstalls in dependency order }
      force_remove: { type: boolean, default: true }
      rollback_on_failure: { type: boolean, default: true }
`;var Ls="isthmus:types/cloudify-types.yaml";function qi(){return Ka}var wd=new Set(["cloudify-utilities-plugin"]),vd={"cloudify-kubernetes-plugin":()=>za,"cloudify-aws-plugin":()=>Wa,"isthmus-hybrid":()=>Ha,"cloudify-utilities-plugin":()=>Qa,"cloudify-ansible-plugin":()=>Va,"cloudify-helm-plugin":()=>Ga,"cloudify-fabric-plugin":()=>`plugins:
  fabric: { executor: central_deployment_agent, package_name: cloudify-fabric-plugin }
`};function Xa(s,e){let t=vd[s];return t?{file:`isthmus:plugins/${s}.yaml`,text:t(),...wd.has(s)?{partial:!0}:{}}:void 0}var H="--",Ci=768*1024,Ed=/^https?:\/\/(www\.)?(cloudify\.co|getcloudify\.org)\/spec\/cloudify\/[^/]+\/types\.yaml$/,Nd="cloudify/types/types.yaml";function Za(s){let e=s.tosca_definitions_version;return typeof e=="string"&&e.startsWith("cloudify_dsl_")?e.slice(13):void 0}function sl(s){let e=P.dirname(P.resolve(s));for(;;){if(Ad(P.join(e,".git")))return e;let t=P.dirname(e);if(t===e)return P.dirname(P.resolve(s));e=t}}function Ee(s){let e=P.relative(process.cwd(),s);return e&&!e.startsWith("..")&&!P.isAbsolute(e)?e:s}function qd(s){let e=s.lastIndexOf(H);return e<=0?{namespace:void 0,target:s}:{namespace:s.slice(0,e),target:s.slice(e+H.length)}}function rl(s,e,t){let r=e.limits??At,i=e.maxImports??500,n=P.resolve(s),o=Mi(P.resolve(e.rootDir??sl(n))),a=Mi(n),l=P.relative(o,a);if(l.startsWith("..")||P.isAbsolute(l))return t.error("blueprint.outside-root",`the blueprint file resolves outside the blueprint root ${o}`,{file:Ee(n),line:1,column:1},"keep the blueprint inside the repository (a symbolic link may not point out of it), or pass --root"),[];let c=Li(n,Ee(n),t,r);if(!c)return[];let y=(e.maxTotalBytes??Ci)-tl(n),f={file:Ee(n),key:n,namespace:void 0,doc:c,isCloudifyTypes:!1,isPlugin:!1},u=Za(c),m=[f],d=new Set([`${n}\0`]),p=new Map([[f,[n]]]),h=[f];for(;h.length>0;){let g=h.shift(),S=g.doc.imports;if(S==null)continue;if(!Array.isArray(S)){t.error("import.format","'imports' must be a list",O(g.doc,"imports"),'write each import as a list item: "- path/to/file.yaml"');continue}let v=new Set;S.forEach((A,b)=>{let _=O(S,b),E=Id(A,_,t);if(!E)return;if(v.has(E.spec)){t.error("import.duplicate",`'${E.spec}' is imported twice`,_,"remove the repeated import");return}v.add(E.spec);let{namespace:k,target:N}=qd(E.spec.trim());if(k?.includes(H)){t.error("import.namespace",`namespace '${k}' may not contain '${H}'`,_);return}let j=g.namespace&&k?`${g.namespace}${H}${k}`:g.namespace??k,L=Td(N,g,u,o,e,_,t,k);if(!L)return;let T=L.isCloudifyTypes?void 0:j;if(L.isCloudifyTypes&&k){t.error("import.namespace","Cloudify's basic types cannot be imported with a namespace",_,`import '${N}' without '${k}${H}'`);return}let Je=`${L.key}\0${T??""}`;if(d.has(Je))return;let Us=p.get(g)??[];if(Us.includes(L.key)){t.error("import.cycle",`import cycle: ${[...Us,L.key].map(Pl=>P.basename(Pl)).join(" -> ")}`,_,"remove one of the imports in the cycle");return}if(m.length>=i){t.error("import.too-many",`more than ${i} imported files`,_);return}if(d.add(Je),P.isAbsolute(L.key)&&(y-=tl(L.key),y<0)){t.error("import.too-large",`the blueprint's files together exceed ${e.maxTotalBytes??Ci} bytes (at '${E.spec}')`,_,"import fewer or smaller files; vendored type files can be trimmed to the types the blueprint uses");return}let qt=L.load();if(!qt)return;let It=Za(qt);u&&It&&Md(It,u)>0&&t.error("import.version",`'${N}' uses cloudify_dsl_${It}, newer than the main blueprint's cloudify_dsl_${u}`,_,`raise the main blueprint to cloudify_dsl_${It}`);let Tt={file:L.file,key:L.key,namespace:T,doc:qt,isCloudifyTypes:L.isCloudifyTypes||Ld(qt),isPlugin:N.startsWith("plugin:")};E.properties&&(Tt.importProperties=E.properties),m.push(Tt),p.set(Tt,[...Us,L.key]),h.push(Tt)})}return m}function Id(s,e,t){if(typeof s=="string")return{spec:s};if($(s)){let r=Object.keys(s);if(r.length===1){let i=s[r[0]];if(i===null||$(i))return i?{spec:r[0],properties:i}:{spec:r[0]}}}t.error("import.format","an import must be a string or a single-entry mapping of plugin properties",e,'write "- plugin:name" or "- plugin:name: {property: value}"')}function Td(s,e,t,r,i,n,o,a){let l=i.limits??At,c=(m,d)=>({key:m,file:m,isCloudifyTypes:m===Ls,load:()=>el(m,d,o,p=>{let h=Ni(d,m,p,l);return h&&$(h.value)?h.value:void 0})}),y=(m,d=!1)=>({key:m,file:Ee(m),isCloudifyTypes:!1,load:()=>{if(!d)return Li(m,Ee(m),o,l);let p=Rs(m);return el(`${m}\0${p.mtimeMs}\0${p.size}`,"",o,h=>Li(m,Ee(m),h,l))}});if(s.startsWith("plugin:")){let m=s.slice(7).split("?")[0].trim();if(!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(m)||m.includes("..")){o.error("import.plugin-name",`'${m}' is not a plugin name`,n,'a plugin name is letters, digits, ".", "_" and "-" (e.g. plugin:cloudify-kubernetes-plugin), not a path');return}let d=Xa(m,t);if(d&&!d.partial)return c(d.file,d.text);for(let p of i.pluginDirs??[])for(let h of Cd(t)){let g=P.resolve(p,m,h);if(Ti(g))return y(g,!0)}if(d)return c(d.file,d.text);o.error("import.unknown-plugin",`plugin '${m}' is neither shipped with Isthmus nor found in a plugins directory`,n,`pass --plugins DIR where DIR/${m}/plugin.yaml holds its type definitions`);return}if(s.startsWith("blueprint:")){let m=s.slice(10).trim();if(!a){o.error("import.namespace",`blueprint import '${s}' needs a namespace`,n,`write 'ns--${s}'`);return}let d=i.blueprintImports?.[m];if(!d){o.error("import.blueprint-unmapped",`blueprint '${m}' is not mapped to a file`,n,`add "blueprintImports: {${m}: path/to/blueprint.yaml}" to .isthmus.yaml or pass --blueprint-import ${m}=path`);return}let p=P.resolve(r,d);if(!Ii(p,r,s,n,o))return;if(!Ti(p)){o.error("import.not-found",`blueprint '${m}' maps to '${d}', which does not exist`,n,"fix the blueprint import mapping");return}return y(p)}if(/^[a-z][a-z0-9+.-]*:\/\//i.test(s)){if(Ed.test(s))return c(Ls,qi());o.error("import.remote-url",`remote import '${s}' is not fetched: Isthmus never downloads blueprint files during a run`,n,"vendor the file into the repository and import it by relative path");return}let f=e.key.startsWith("isthmus:")?r:P.dirname(e.key),u=P.resolve(f,s);if(Ti(u))return Ii(u,r,s,n,o)?y(u):void 0;if(s.replace(/^\.\//,"")===Nd)return c(Ls,qi());Ii(u,r,s,n,o)&&o.error("import.not-found",`imported file '${s}' does not exist (looked for ${Ee(u)})`,n,"check the path; imports are relative to the importing file")}var Ms=new Map;function el(s,e,t,r){let i=`${s}\0${e.length}`,n=Ms.get(i);if(!n){let o=new Be;n={doc:r(o),diagnostics:o.items},Ms.size>64&&Ms.clear(),Ms.set(i,n)}return t.items.push(...n.diagnostics),n.doc}function Cd(s){return s==="1_5"?["plugin_1_5.yaml","plugin_1_4.yaml","plugin.yaml"]:s==="1_4"?["plugin_1_4.yaml","plugin.yaml"]:["plugin.yaml"]}function Ii(s,e,t,r,i){let n=Mi(s),o=P.relative(e,n);return o.startsWith("..")||P.isAbsolute(o)?(i.error("import.outside-root",`import '${t}' resolves outside the blueprint root ${e}`,r,"keep imported files inside the repository, or pass --root"),!1):!0}function Li(s,e,t,r){let i;try{let o=Rs(s).size;if(o>r.maxBytes){t.error("yaml.too-large",`file is ${o} bytes; the limit is ${r.maxBytes}`,{file:e,line:1,column:1},"split the blueprint into imported files");return}i=$d(s)}catch(o){t.error("import.not-found",`cannot read '${e}': ${o.code??o.message}`,{file:e,line:1,column:1});return}let n=Ni(i,e,t,r);if(n){if(n.value===null)return{};if(!$(n.value)){t.error("blueprint.format","a blueprint file must be a YAML mapping",{file:e,line:1,column:1},'start the file with "tosca_definitions_version: cloudify_dsl_1_5"');return}return n.value}}function Ld(s){let e=s.metadata;return $(e)&&e.cloudify_types===!0}function tl(s){try{return Rs(s).size}catch{return 0}}function Ti(s){try{return Rs(s).isFile()}catch{return!1}}function Mi(s){try{return Od(s)}catch{return s}}var Ps=["1_0","1_1","1_2","1_3","1_4","1_5"];function Md(s,e){return Ps.indexOf(s)-Ps.indexOf(e)}var il=["tosca_definitions_version","description","metadata","imports","dsl_definitions","inputs","plugins","node_types","relationships","node_templates","policy_types","policy_triggers","groups","policies","workflows","outputs","data_types","capabilities","labels","blueprint_labels","deployment_settings","resource_tags"],nl=["inputs","plugins","node_types","relationships","node_templates","policy_types","policy_triggers","groups","policies","workflows","outputs","data_types","capabilities","labels","blueprint_labels","resource_tags"];function ol(s){return s.startsWith("cloudify.")}function D(s,e){return!s||ol(e)?e:`${s}${H}${e}`}function al(s,e){let t=s[0],r=Object.fromEntries(nl.map(o=>[o,new Map])),i={version:void 0,main:t,metadata:{},sections:r,namespacesMapping:{},files:s},n=t.doc.tosca_definitions_version;typeof n=="string"&&(i.version=n);for(let o of s){let a=o.doc;for(let l of Object.keys(a))il.includes(l)||e.error("blueprint.unknown-key",`unknown top-level key '${l}'`,C(a,l),`valid keys: ${il.join(", ")}`);typeof a.description=="string"&&i.description===void 0&&(i.description=a.description),$(a.metadata)&&o===t&&(i.metadata=a.metadata),$(a.deployment_settings)&&o===t&&(i.deploymentSettings=a.deployment_settings);for(let l of nl){if(o.isPlugin&&Rd.has(l))continue;let c=a[l];if(c!=null){if(!$(c)){e.error("blueprint.format",`'${l}' must be a mapping`,O(a,l),`write '${l}:' followed by named entries`);continue}for(let[y,f]of Object.entries(c)){let u=o.isCloudifyTypes?void 0:o.namespace,d={name:D(u,y),value:f,namespace:u,file:o.file,fromCloudifyTypes:o.isCloudifyTypes},p=O(c,y),h=C(c,y);p&&(d.position=p),h&&(d.keyPosition=h),xd(r[l],l,d,e)}}}}for(let o of s){let a=o.doc.imports;if(Array.isArray(a))for(let l of a){if(typeof l!="string")continue;let c=l.lastIndexOf(H);c>0&&l.slice(c+2).startsWith("blueprint:")&&(i.namespacesMapping[D(o.namespace,l.slice(0,c))]=l.slice(c+2+10))}}return i}var Rd=new Set(["labels","blueprint_labels","resource_tags"]),Dd=new Set(["labels","blueprint_labels"]);function xd(s,e,t,r){let i=s.get(t.name);if(!i||t.fromCloudifyTypes||ol(t.name)){s.set(t.name,t);return}if(!Pd(i.value,t.value)&&e!=="workflows"){if(Dd.has(e)&&$(i.value)&&$(t.value)){let n=[i.value.values,t.value.values].flatMap(o=>Array.isArray(o)?o:[]);s.set(t.name,{...i,value:{...i.value,values:[...new Set(n.map(o=>JSON.stringify(o)))].map(o=>JSON.parse(o))}});return}if(e==="node_templates"&&$(i.value)&&$(t.value)){let n=Yd(i.value,t.value);if(n){s.set(t.name,{...i,value:n});return}}r.error("import.conflict",`'${t.name}' in ${e} is defined twice, differently (also at ${i.position?`${i.position.file}:${i.position.line}`:i.file})`,t.keyPosition??t.position,"rename one of them, or put it in a namespaced import (ns--file.yaml)")}}function Yd(s,e){let t=o=>Object.keys(o).every(a=>a==="relationships");if(!t(s)&&!t(e))return;let r=Array.isArray(s.relationships)?s.relationships:[],i=Array.isArray(e.relationships)?e.relationships:[],n=t(s)?e:s;return Z(n,{...n,relationships:Z(r,[...r,...i])})}var xs={get_input:"static",get_property:"static",concat:"static",merge:"static",string_find:"static",string_replace:"static",string_split:"static",string_lower:"static",string_upper:"static",get_attribute:"runtime",get_attributes_list:"runtime",get_attributes_dict:"runtime",get_secret:"runtime",get_capability:"runtime",get_environment_capability:"runtime",get_group_capability:"runtime",get_sys:"runtime",get_label:"runtime"};function J(s){if(!$(s))return;let e=Object.keys(s);if(e.length!==1)return;let t=e[0];if(Object.hasOwn(xs,t))return{name:t,args:s[t]??null,node:s}}function ie(s,e){let t=J(s);return t&&(!e||xs[t.name]===e)?!0:t?ie(t.args,e):Array.isArray(s)?s.some(r=>ie(r,e)):$(s)?Object.values(s).some(r=>ie(r,e)):!1}var jd=new Set(["SELF","SOURCE","TARGET"]);function B(s,e){if(!e)return s;let t=J(s);if(t){let r=B(t.args,e);return(t.name==="get_input"||t.name==="get_property"||t.name==="get_attribute"||t.name==="get_attributes_list"||t.name==="get_attributes_dict")&&(typeof r=="string"?r=D(e,r):Array.isArray(r)&&typeof r[0]=="string"&&!jd.has(r[0])&&(r=Z(r,[D(e,r[0]),...r.slice(1)]))),Z(s,{[t.name]:r})}if(Array.isArray(s))return Z(s,s.map(r=>B(r,e)));if($(s)){let r={};for(let[i,n]of Object.entries(s))r[i]=B(n,e);return Z(s,r)}return s}function V(s,e,t,r){let i=J(s);if(i){Bd(i,e,t,r),V(i.args,e,t,r);return}if(Array.isArray(s))for(let n of s)V(n,e,t,r);else if($(s))for(let n of Object.values(s))V(n,e,t,r)}function Bd(s,e,t,r){let i=O(s.node)??e.at,n=(a,l)=>r.error("function.arguments",`${s.name} in ${e.where}: ${a}`,i,l),o=s.args;switch(s.name){case"get_input":{let a=Array.isArray(o)?o[0]:o;if(J(a))return;if(typeof a!="string"||Array.isArray(o)&&o.length<1){n("expects an input name or [input_name, key, ...]","write { get_input: name } or { get_input: [name, key] }");return}t.inputValue(a).found||r.error("function.unknown-input",`${e.where} refers to input '${a}', which is not declared`,i,"declare it under 'inputs:' or fix the name");return}case"get_property":case"get_attribute":case"get_attributes_list":case"get_attributes_dict":{let a=s.name==="get_attributes_list"||s.name==="get_attributes_dict"?1:2;if(!Array.isArray(o)||o.length<a||typeof o[0]!="string"){n(`expects [node, attribute, ...] with at least ${a} items`,`write { ${s.name}: [SELF, name] } or { ${s.name}: [node_name, name] }`);return}let l=o[0];for(let[c,y]of o.slice(1).entries())typeof y!="string"&&typeof y!="number"&&!J(y)&&n(`path item ${c+1} must be a name, an index or a function`,"use strings for keys and integers for list indices");l==="SELF"?e.self||n("SELF is only valid inside a node template","name the node explicitly"):l==="SOURCE"||l==="TARGET"?e.kind!=="relationship"&&n(`${l} is only valid in relationship operations`,"use SELF or a node name"):t.nodeExists(l)||r.error("function.unknown-node",`${e.where} refers to node '${l}', which does not exist`,i,"use SELF or the name of a node template");return}case"concat":case"merge":Array.isArray(o)||n("expects a list",`write { ${s.name}: [a, b, ...] }`);return;case"get_secret":case"get_environment_capability":case"get_label":typeof o=="string"||J(o)||Array.isArray(o)&&o.length>=1||n("expects a name or [name, key, ...]",`write { ${s.name}: name }`);return;case"get_capability":case"get_group_capability":(!Array.isArray(o)||o.length<2)&&n("expects [deployment_id, capability, ...]",`write { ${s.name}: [deployment_id, capability_name] }`);return;case"get_sys":(!Array.isArray(o)||o.length!==2)&&n("expects [deployment|tenant, property]","write { get_sys: [deployment, id] }");return;case"string_find":case"string_replace":case"string_split":(!Array.isArray(o)||o.length<2)&&n("expects a list of at least two items",`write { ${s.name}: [haystack, needle, ...] }`);return;case"string_lower":case"string_upper":return}}function z(s,e,t){return Ds(s,e,t)}function Ds(s,e,t){let r=J(s);if(!r){if(Array.isArray(s)){let a=!1,l=s.map(c=>{let y=Ds(c,e,t);return y!==c&&(a=!0),y});return a?Z(s,l):s}if($(s)){let a=!1,l={};for(let[c,y]of Object.entries(s)){let f=Ds(y,e,t);f!==y&&(a=!0),l[c]=f}return a?Z(s,l):s}return s}let i=Ds(r.args,e,t),n=()=>Z(r.node,{[r.name]:i});if(xs[r.name]==="runtime"||ie(i))return n();let o=O(r.node)??e.at;switch(r.name){case"get_input":{let[a,...l]=Array.isArray(i)?i:[i];if(typeof a!="string")return null;let c=t.inputValue(a);return c.found?Ot(c.value,l):null}case"get_property":{if(!Array.isArray(i)||typeof i[0]!="string")return null;let a=i[0];if(a==="SELF")a=e.self??"";else if(a==="SOURCE"){if(!e.source)return n();a=e.source}else if(a==="TARGET"){if(!e.target)return n();a=e.target}let l=t.nodeProperty(a,i.slice(1),o);return l.found?l.value:null}case"concat":case"merge":case"string_find":case"string_replace":case"string_split":case"string_lower":case"string_upper":return Pi(r.name,i);default:return n()}}function Pi(s,e){let t=Array.isArray(e)?e:[e];switch(s){case"concat":return Array.isArray(e)?e.map(Fd).join(""):null;case"merge":{if(!Array.isArray(e))return null;let r={};for(let i of e)$(i)&&Object.assign(r,i);return r}case"string_find":return String(t[0]??"").indexOf(String(t[1]??""));case"string_replace":{let[r,i,n,o]=t,a=String(r??""),l=String(i??""),c=String(n??""),y=typeof o=="number"&&o>=0?o:1/0,f=0,u=l===""?-1:a.indexOf(l);for(;u>=0&&f<y;)a=a.slice(0,u)+c+a.slice(u+l.length),f++,u=a.indexOf(l,u+c.length);return a}case"string_split":{let r=String(t[0]??"").split(String(t[1]??" "));return typeof t[2]=="number"?r[t[2]]??null:r}case"string_lower":return String(t[0]??"").toLowerCase();case"string_upper":return String(t[0]??"").toUpperCase()}}function Ot(s,e){let t=s;for(let r of e)if(Array.isArray(t)&&typeof r=="number")t=t[r]??null;else if($(t)&&Object.hasOwn(t,String(r)))t=t[String(r)]??null;else return null;return t}function Fd(s){return typeof s=="string"?s:s===!0?"True":s===!1?"False":s===null?"None":typeof s=="number"?String(s):JSON.stringify(s)}import{isDeepStrictEqual as ll}from"node:util";var Di=["equal","greater_than","greater_or_equal","less_than","less_or_equal","in_range","valid_values","length","min_length","max_length","pattern","filter_id","labels","tenants","name_pattern","deployment_id"],Vd=new Set(["filter_id","labels","tenants","name_pattern","deployment_id"]);function cl(s){let e=s.argument;switch(s.name){case"in_range":return Array.isArray(e)&&e.length===2?void 0:"in_range takes a list of two bounds";case"valid_values":return Array.isArray(e)?void 0:"valid_values takes a list";case"length":case"min_length":case"max_length":return typeof e=="number"&&Number.isInteger(e)&&e>=0?void 0:`${s.name} takes a non-negative integer`;case"pattern":if(typeof e!="string")return"pattern takes a regular expression string";try{new RegExp(e);return}catch{return`'${e}' is not a valid regular expression`}default:return}}function Ri(s){if(typeof s=="string"||Array.isArray(s))return s.length;if(s&&typeof s=="object")return Object.keys(s).length}function Ve(s,e){if(typeof s=="number"&&typeof e=="number")return s-e;if(typeof s=="string"&&typeof e=="string")return s<e?-1:s>e?1:0}function ul(s,e){let t=s.argument;switch(s.name){case"equal":return ll(e,t);case"greater_than":return(Ve(e,t)??-1)>0;case"greater_or_equal":return(Ve(e,t)??-1)>=0;case"less_than":return(Ve(e,t)??1)<0;case"less_or_equal":return(Ve(e,t)??1)<=0;case"in_range":{if(!Array.isArray(t))return!1;let r=Ve(e,t[0]??null),i=Ve(e,t[1]??null);return r!==void 0&&i!==void 0&&r>=0&&i<=0}case"valid_values":return Array.isArray(t)&&t.some(r=>ll(r,e));case"length":return Ri(e)===t;case"min_length":return(Ri(e)??-1)>=t;case"max_length":return(Ri(e)??1/0)<=t;case"pattern":return typeof e=="string"&&new RegExp(`^(?:${t})`).test(e);default:return Vd.has(s.name)}}function fl(s,e){for(let r of s){if(r.name==="valid_values"&&Array.isArray(r.argument)&&r.argument.length>0)return r.argument[0];if(r.name==="equal")return r.argument;if(r.name==="in_range"&&Array.isArray(r.argument))return r.argument[0]??e}let t=e;for(let r of s)typeof t=="number"&&(r.name==="greater_than"&&typeof r.argument=="number"&&!(t>r.argument)&&(t=r.argument+1),r.name==="greater_or_equal"&&typeof r.argument=="number"&&!(t>=r.argument)&&(t=r.argument),r.name==="less_than"&&typeof r.argument=="number"&&!(t<r.argument)&&(t=r.argument-1),r.name==="less_or_equal"&&typeof r.argument=="number"&&!(t<=r.argument)&&(t=r.argument)),typeof t=="string"&&((r.name==="min_length"||r.name==="length")&&typeof r.argument=="number"&&(t=t.padEnd(r.argument,"x")),(r.name==="max_length"||r.name==="length")&&typeof r.argument=="number"&&(t=t.slice(0,r.argument)));return t}var Et=new Set(["string","integer","float","boolean","list","dict","regex","textarea","deployment_id","blueprint_id","node_id","node_type","node_instance","capability_value","scaling_group","secret_key","operation_name"]),pl=["type","default","description","required","display_label","hidden","item_type","constraints","display","initial_default"];function ge(s,e,t,r={}){let i={};if(s==null)return i;if(!$(s))return t.error("schema.format",`${e} must be a mapping of names to schemas`,O(s),'write "name: {type: string, default: ...}"'),i;for(let[n,o]of Object.entries(s))i[n]=xi(o,`${e} '${n}'`,O(s,n),t,r);return i}function xi(s,e,t,r,i){let n={hasDefault:!1,required:!0};if(t&&(n.position=t),s===null)return n;if(!$(s))return r.error("schema.format",`${e} must be a mapping (type, default, description, required)`,t,`write "{ default: ${JSON.stringify(s)} }"`),n;for(let o of Object.keys(s))pl.includes(o)||r.error("schema.unknown-key",`${e} has unknown key '${o}'`,C(s,o),`valid keys: ${pl.join(", ")}`);return s.type!==void 0&&s.type!==null&&(typeof s.type!="string"?r.error("schema.type",`${e}: 'type' must be a type name`,O(s,"type")):n.type=i.namespace&&!Et.has(s.type)?i.namespace(s.type):s.type),typeof s.item_type=="string"&&(n.itemType=s.item_type),Object.hasOwn(s,"default")&&(n.hasDefault=!0,n.default=s.default??null),s.required!==void 0&&(typeof s.required!="boolean"?r.error("schema.required",`${e}: 'required' must be true or false`,O(s,"required")):n.required=s.required),typeof s.description=="string"&&(n.description=s.description),s.constraints!==void 0&&s.constraints!==null&&(n.constraints=Kd(s.constraints,e,r)),n}function Kd(s,e,t){if(!Array.isArray(s))return t.error("constraint.format",`${e}: constraints must be a list`,O(s),'write "constraints: [ { min_length: 3 } ]"'),[];let r=[];return s.forEach((i,n)=>{let o=O(s,n);if(!$(i)||Object.keys(i).length!==1){t.error("constraint.format",`${e}: each constraint is a single-key mapping`,o,'write "- valid_values: [a, b]"');return}let a=Object.keys(i)[0];if(!Di.includes(a)){t.error("constraint.unknown",`${e}: unknown constraint '${a}'`,o,`valid constraints: ${Di.join(", ")}`);return}let l={name:a,argument:i[a]??null};o&&(l.position=o);let c=cl(l);c?t.error("constraint.argument",`${e}: ${c}`,o):r.push(l)}),r}function Ys(s,e,t,r,i,n,o=0){if(!e||J(s)||s===null)return s;if(Et.has(e))return Ud(s,e)||n.error("value.type",`${r} should be of type ${e}, got ${dl(s)}`,i,`give a ${e} value`),s;let a=Object.hasOwn(t,e)?t[e]:void 0;return a?$(s)?o>32?s:js(s,a.properties,t,r,n,i?{depth:o+1,at:i}:{depth:o+1}):(n.error("value.type",`${r} should be a mapping of data type ${e}, got ${dl(s)}`,i,`give the fields of ${e}`),s):s}function js(s,e,t,r,i,n={}){let o={};for(let l of Object.keys(s))!Object.hasOwn(e,l)&&!n.allowUnknown&&i.error("property.unknown",`${r}: property '${l}' is not defined by its type`,C(s,l),`defined properties: ${Object.keys(e).join(", ")||"(none)"}`);let a=n.externalResource??s.use_external_resource===!0;for(let[l,c]of Object.entries(e)){let y=Object.hasOwn(s,l),f=!y&&!c.hasDefault&&c.type!==void 0&&Object.hasOwn(t,c.type);if(!y&&!c.hasDefault&&!f){c.required&&!a&&i.error("property.missing",`${r}: required property '${l}' has no value`,O(s)??n.at,`set '${l}' or give it a default in the type`);continue}let u=y?s[l]??null:f?{}:c.default??null,m=(y?O(s,l):c.position)??n.at;o[l]=Ys(u,c.type,t,`${r} property '${l}'`,m,i,n.depth??0)}if(n.allowUnknown)for(let l of Object.keys(s))Object.hasOwn(e,l)||(o[l]=s[l]??null);return o}function Ud(s,e){switch(e){case"integer":return typeof s=="number"&&Number.isInteger(s);case"float":return typeof s=="number";case"boolean":return typeof s=="boolean";case"list":return Array.isArray(s);case"dict":return $(s);case"regex":if(typeof s!="string")return!1;try{return new RegExp(s),!0}catch{return!1}default:return!0}}function dl(s){return Array.isArray(s)?"a list":$(s)?"a mapping":`${typeof s} ${JSON.stringify(s)}`}var ml=["implementation","inputs","executor","max_retries","retry_interval","timeout","timeout_recoverable"];function _e(s,e,t,r){let i={};if(s==null)return i;if(!$(s))return r.error("interface.format",`${e}: interfaces must be a mapping`,O(s),'write "interfaces: { cloudify.interfaces.lifecycle: { create: plugin.task } }"'),i;for(let[n,o]of Object.entries(s))if(i[n]={},o!==null){if(!$(o)){r.error("interface.format",`${e}: interface '${n}' must map operation names to operations`,O(s,n));continue}for(let[a,l]of Object.entries(o))i[n][a]=Jd(l,`${e} operation '${n}.${a}'`,O(o,a),t,r)}return i}function Jd(s,e,t,r,i){let n={implementation:"",inputs:{}};if(t&&(n.position=t),s===null)return n;if(typeof s=="string")return n.implementation=s,n;if(!$(s))return i.error("operation.format",`${e} must be an implementation string or a mapping`,t,'write "create: plugin.module.task" or "create: { implementation: ..., inputs: {...} }"'),n;for(let c of Object.keys(s))ml.includes(c)||i.error("operation.unknown-key",`${e} has unknown key '${c}'`,C(s,c),`valid keys: ${ml.join(", ")}`);let o=s.implementation;o!=null&&typeof o!="string"?i.error("operation.implementation",`${e}: implementation must be a string`,O(s,"implementation")):typeof o=="string"&&(n.implementation=o);let a=s.inputs;a!=null&&($(a)?r==="type"?n.inputSchema=ge(a,`${e} input`,i):n.inputs=a:i.error("operation.inputs",`${e}: inputs must be a mapping`,O(s,"inputs"))),r==="type"&&!n.inputSchema&&(n.inputSchema={}),typeof s.executor=="string"&&(n.executor=s.executor);let l=(c,y,f)=>{let u=s[c];u!=null&&(typeof u!="number"||u<f?i.error(`operation.${c.replace("_","-")}`,`${e}: ${c} must be a number >= ${f}`,O(s,c)):y(u))};return l("max_retries",c=>n.maxRetries=c,-1),l("retry_interval",c=>n.retryInterval=c,0),l("timeout",c=>n.timeout=c,0),n}function Bs(s,e){let t={};for(let[r,i]of Object.entries(s))t[r]={...i};for(let[r,i]of Object.entries(e))t[r]={...t[r]??{},...i};return t}function yl(s){return s.implementation===""&&Object.keys(s.inputs).length===0&&s.executor===void 0&&s.maxRetries===void 0&&s.retryInterval===void 0&&s.timeout===void 0}function Fs(s,e,t,r){let i={},n=new Set([...Object.keys(s),...Object.keys(e)]);for(let o of n){let a=s[o]??{},l=e[o]??{};i[o]={};for(let c of new Set([...Object.keys(a),...Object.keys(l)])){let y=a[c],f=l[c];i[o][c]=Wd(y,f,`${t} operation '${o}.${c}'`,r)}}return i}function Wd(s,e,t,r){if(!s)return e;let i=s.inputSchema??{};if(!e)return{...Gd(s),inputs:hl(i,{},t,s.position,r)};if(yl(e)||yl(s)&&!s.inputSchema)return e;let n=e.implementation||s.implementation;if(n!==s.implementation)return e;let o={implementation:n,inputs:hl(i,e.inputs,t,e.position,r)},a=e.position??s.position;a&&(o.position=a);let l=c=>{let y=e[c]??s[c];y!==void 0&&(o[c]=y)};return l("executor"),l("maxRetries"),l("retryInterval"),l("timeout"),o}function Gd(s){let{inputSchema:e,...t}=s;return t}function hl(s,e,t,r,i){let n={};for(let[a,l]of Object.entries(s))l.hasDefault&&(n[a]=l.default??null);Object.assign(n,e);let o=Object.keys(s).filter(a=>!Object.hasOwn(n,a));return o.length>0&&i.error("operation.missing-input",`${t}: input${o.length>1?"s":""} ${o.map(a=>`'${a}'`).join(", ")} ha${o.length>1?"ve":"s"} no value`,r,"give the input a value in the node template or a default in the type"),n}var Hd=["derived_from","interfaces","properties","runtime_properties","description"],zd=["derived_from","properties","source_interfaces","target_interfaces","description"],Qd=["derived_from","properties","description","version"];function Yi(s,e){let t={},r=new Set,i=new Set,n=(o,a)=>{if(Object.hasOwn(t,o))return t[o];if(i.has(o))return;let l=s.elements.get(o);if(!l)return;let c=l.value??{};if(!$(c)){e.error(`${s.kind}.format`,`${s.kind} '${o}' must be a mapping`,l.position),i.add(o);return}if(r.has(o)){e.error(`${s.kind}.cycle`,`${s.kind} '${o}' derives from itself: ${[...a,o].join(" -> ")}`,O(c,"derived_from")??l.position,"remove one derived_from in the cycle"),i.add(o);return}for(let d of Object.keys(c))s.keys.includes(d)||e.error(`${s.kind}.unknown-key`,`${s.kind} '${o}' has unknown key '${d}'`,C(c,d),`valid keys: ${s.keys.join(", ")}`);let y,f,u=c.derived_from;u!=null&&(typeof u!="string"?e.error(`${s.kind}.derived-from`,`${s.kind} '${o}': derived_from must be a type name`,O(c,"derived_from")):(f=D(l.namespace,u),s.elements.has(f)?(r.add(o),y=n(f,[...a,o]),r.delete(o)):e.error(`${s.kind}.unknown-parent`,`${s.kind} '${o}' derives from '${u}', which is not defined`,O(c,"derived_from"),Ke(u,[...s.elements.keys()])??"check the imports that should define it")));let m=s.build(l,c,y,f);return t[o]=m,m};for(let o of s.elements.keys())n(o,[]);return t}function gl(s,e){return Yi({elements:s,kind:"data_type",keys:Qd,build:(t,r,i,n)=>{let o=ge(B(r.properties??null,t.namespace),`data type '${t.name}' property`,e,{namespace:l=>D(t.namespace,l)}),a={name:t.name,properties:ji(i?.properties??{},o)};return n&&(a.derivedFrom=n),t.position&&(a.position=t.position),a}},e)}function _l(s,e){return Yi({elements:s,kind:"node_type",keys:Hd,build:(t,r,i,n)=>{let o=`node type '${t.name}'`,a=ge(B(r.properties??null,t.namespace),`${o} property`,e,{namespace:y=>D(t.namespace,y)}),l=_e(B(r.interfaces??null,t.namespace),o,"type",e),c={name:t.name,hierarchy:[...i?.hierarchy??[],t.name],properties:ji(i?.properties??{},a),interfaces:Bs(i?.interfaces??{},Ne(l,t.namespace))};return n&&(c.derivedFrom=n),t.position&&(c.position=t.position),c}},e)}function bl(s,e){return Yi({elements:s,kind:"relationship",keys:zd,build:(t,r,i,n)=>{let o=`relationship '${t.name}'`,a=ge(B(r.properties??null,t.namespace),`${o} property`,e,{namespace:f=>D(t.namespace,f)}),l=_e(B(r.source_interfaces??null,t.namespace),o,"type",e),c=_e(B(r.target_interfaces??null,t.namespace),o,"type",e),y={name:t.name,hierarchy:[...i?.hierarchy??[],t.name],properties:ji(i?.properties??{},a),sourceInterfaces:Bs(i?.sourceInterfaces??{},Ne(l,t.namespace)),targetInterfaces:Bs(i?.targetInterfaces??{},Ne(c,t.namespace))};return n&&(y.derivedFrom=n),t.position&&(y.position=t.position),y}},e)}function ji(s,e){let t={...s};for(let[r,i]of Object.entries(e)){let n=s[r];n&&!i.hasDefault&&n.hasDefault?t[r]={...i,hasDefault:!0,default:n.default??null}:t[r]=i}return t}function Ne(s,e){if(!e)return s;let t={};for(let[r,i]of Object.entries(s)){t[r]={};for(let[n,o]of Object.entries(i))t[r][n]=o.implementation&&!o.implementation.includes("/")?{...o,implementation:D(e,o.implementation)}:o}return t}function Bi(s,e,t){for(let[r,i]of s)for(let[n,o]of Object.entries(i))o.type&&!Et.has(o.type)&&!Object.hasOwn(e,o.type)&&t.error("schema.unknown-type",`${r} property '${n}' has unknown type '${o.type}'`,o.position,Ke(o.type,[...Et,...Object.keys(e)])??"use a primitive type or a declared data type")}function Ke(s,e){let t,r=1/0;for(let i of e){let n=Xd(s.toLowerCase(),i.toLowerCase());n<r&&(r=n,t=i)}return t!==void 0&&r<=Math.max(2,Math.floor(s.length/4))?`did you mean '${t}'?`:void 0}function Xd(s,e){if(Math.abs(s.length-e.length)>8)return 99;let t=Array.from({length:e.length+1},(r,i)=>i);for(let r=1;r<=s.length;r++){let i=t[0];t[0]=r;for(let n=1;n<=e.length;n++){let o=t[n];t[n]=Math.min(t[n]+1,t[n-1]+1,i+(s[r-1]===e[n-1]?0:1)),i=o}}return t[e.length]}var kl=["type","properties","interfaces","relationships","capabilities","instances"],Sl=["type","target","properties","source_interfaces","target_interfaces"],wl="cloudify.relationships.contained_in";function vl(s,e,t){let r=new Map;for(let c of s.values()){let y=Zd(c,e,t,s);y&&r.set(c.name,y)}let i=new Map,n=new Set,o=(c,y,f,u)=>{let m=`${c}\0${JSON.stringify(y)}`;if(i.has(m))return i.get(m)??null;if(n.has(m))return t.error("function.circular",`get_property cycle through node '${c}' property '${y.join(".")}'`,u,"make one of the properties a literal value"),null;n.add(m);let d=Nt({self:c,where:`node '${c}' property '${y.join(".")}'`,kind:"property"},u??r.get(c)?.template.position),p=z(f,d,a);return n.delete(m),i.set(m,p),p},a={inputValue:c=>e.inputNames.has(c)?{found:!0,value:e.inputValues[c]??null}:{found:!1},nodeExists:c=>s.has(c),nodeProperty:(c,y,f)=>{let u=r.get(c);if(!u||y.length===0)return{found:!1};if(!Object.hasOwn(u.template.properties,String(y[0])))return t.error("function.unknown-property",`get_property refers to '${String(y[0])}', which node '${c}' does not have`,f??u.template.position,`properties of '${c}': ${Object.keys(u.template.properties).join(", ")}`),{found:!0,value:null};let m=u.template.properties;for(let d=0;d<y.length;d++){let p=y[d],h=Array.isArray(m)&&typeof p=="number"?m[p]:$(m)&&Object.hasOwn(m,String(p))?m[String(p)]:void 0;if(h===void 0)return{found:!0,value:null};m=J(h)?o(c,y.slice(0,d+1),h,f):h}return{found:!0,value:ie(m)?o(c,y,m,f):m}}},l={};for(let[c,y]of r){let f=y.template,u=Nt({self:c,where:`node '${c}'`,kind:"property"},f.position);V(f.properties,u,a,t);let m={};for(let d of Object.keys(f.properties)){let p=f.properties[d]??null;m[d]=ie(p)?o(c,[d],p,O(f.properties,d)):p}f.interfaces=Fi(f.interfaces,Nt({self:c,where:`node '${c}'`,kind:"operation"},f.position),a,t);for(let d of f.relationships){let p=Nt({self:c,source:c,target:d.target,where:`node '${c}' relationship to '${d.target}'`,kind:"relationship"},d.position??f.position);V(d.properties,p,a,t),d.properties=z(d.properties,p,a),d.sourceInterfaces=Fi(d.sourceInterfaces,p,a,t),d.targetInterfaces=Fi(d.targetInterfaces,{...p,self:d.target},a,t)}f.properties=m,f.scalable=tm(y,a,t),l[c]=f}return l}function Nt(s,e){return e?{...s,at:e}:s}function Fi(s,e,t,r){let i={};for(let[n,o]of Object.entries(s)){i[n]={};for(let[a,l]of Object.entries(o)){if(Object.keys(l.inputs).length===0){i[n][a]=l;continue}let c=Nt({...e,where:`${e.where} operation '${n}.${a}'`},l.position??e.at);V(l.inputs,c,t,r),i[n][a]={...l,inputs:z(l.inputs,c,t)}}}return i}function Zd(s,e,t,r){let i=`node '${s.name}'`,n=B(s.value,s.namespace);if(!$(n)){t.error("node.format",`${i} must be a mapping with at least 'type'`,s.position,'write "my_node: { type: cloudify.nodes.Root }"');return}for(let h of Object.keys(n))kl.includes(h)||t.error("node.unknown-key",`${i} has unknown key '${h}'`,C(n,h),`valid keys: ${kl.join(", ")}`);let o=n.type;if(typeof o!="string"){t.error("node.type",`${i} has no type`,s.keyPosition??s.position,"add 'type: cloudify.nodes.Root' (or a more specific type)");return}let a=D(s.namespace,o),l=Object.hasOwn(e.nodeTypes,a)?e.nodeTypes[a]:void 0;if(!l){t.error("node.unknown-type",`${i} has type '${o}', which is not defined`,O(n,"type"),Ke(a,Object.keys(e.nodeTypes))??"import the plugin or types file that defines it");return}let c=n.properties??{},y={};$(c)?(c.use_external_resource!==void 0&&typeof c.use_external_resource!="boolean"&&t.error("node.external-resource",`${i}: use_external_resource must be true or false (no functions)`,O(c,"use_external_resource"),"Cloudify requires a literal boolean here"),y=js(c,l.properties,e.dataTypes,i,t,s.position?{at:s.position}:{})):t.error("node.properties",`${i}: properties must be a mapping`,O(n,"properties"));let f=Ne(_e(n.interfaces??null,i,"template",t),s.namespace),u=Fs(l.interfaces,f,i,t),m=sm(n.relationships,s,e,t,r),d=m.filter(h=>h.hierarchy.includes(wl));d.length>1&&t.error("node.multiple-hosts",`${i} is contained_in more than one node (${d.map(h=>h.target).join(", ")})`,d[1].position,"a node can have one host; use connected_to for the others");let p={id:s.name,type:a,hierarchy:l.hierarchy,properties:y,interfaces:u,relationships:m,scalable:{defaultInstances:1,minInstances:0,maxInstances:-1}};return d[0]&&(p.host=d[0].target),s.position&&(p.position=s.position),{template:p,element:s,rawProperties:$(c)?c:{},scalableRaw:em(n,i,t)}}function em(s,e,t){let r={},i=s.capabilities;if(i!=null)if(!$(i))t.error("node.capabilities",`${e}: capabilities must be a mapping`,O(s,"capabilities"));else{for(let l of Object.keys(i))l!=="scalable"&&t.error("node.capabilities",`${e}: unknown capability '${l}'`,C(i,l),"the only node capability is 'scalable'");let o=i.scalable,a=$(o)?o.properties:void 0;if($(a)){for(let c of Object.keys(a))["default_instances","min_instances","max_instances","current_instances","planned_instances"].includes(c)||t.error("scalable.unknown-key",`${e}: unknown scalable property '${c}'`,C(a,c),"valid: default_instances, min_instances, max_instances");r.default=a.default_instances,r.min=a.min_instances,r.max=a.max_instances;let l=O(a);l&&(r.at=l)}}let n=s.instances;if($(n)&&n.deploy!==void 0){r.default=n.deploy;let o=O(n);o&&(r.at=o)}return r}function Vi(s,e,t,r){let i=(o,a,l)=>{if(o===void 0)return a;let c=t(o);return typeof c!="number"||!Number.isInteger(c)||c<-1?(r.error("scalable.value",`${e}: ${l} must be an integer, got ${JSON.stringify(c)}`,s.at,"use a whole number (or a get_input of one)"),a):c},n={defaultInstances:i(s.default,1,"default_instances"),minInstances:i(s.min,0,"min_instances"),maxInstances:i(s.max,-1,"max_instances")};return n.defaultInstances<0&&r.error("scalable.value",`${e}: default_instances must be 0 or more`,s.at),(n.defaultInstances<n.minInstances||n.maxInstances!==-1&&n.defaultInstances>n.maxInstances)&&r.error("scalable.range",`${e}: default_instances ${n.defaultInstances} is outside [${n.minInstances}, ${n.maxInstances===-1?"unbounded":n.maxInstances}]`,s.at,"keep min_instances <= default_instances <= max_instances"),n}function tm(s,e,t){let r={self:s.template.id,where:`node '${s.template.id}' capabilities`,kind:"property"};return Vi(s.scalableRaw,`node '${s.template.id}'`,i=>(V(i,r,e,t),z(i,r,e)),t)}function sm(s,e,t,r,i){let n=`node '${e.name}'`;if(s==null)return[];if(!Array.isArray(s))return r.error("relationship.format",`${n}: relationships must be a list`,O(s),'write "- type: cloudify.relationships.depends_on\\n  target: other_node"'),[];let o=[];return s.forEach((a,l)=>{let c=O(s,l);if(!$(a)){r.error("relationship.format",`${n}: relationship ${l+1} must be a mapping with type and target`,c);return}for(let b of Object.keys(a))Sl.includes(b)||r.error("relationship.unknown-key",`${n}: relationship has unknown key '${b}'`,C(a,b),`valid keys: ${Sl.join(", ")}`);let y=a.type,f=a.target;if(typeof y!="string"||typeof f!="string"){r.error("relationship.format",`${n}: relationship ${l+1} needs 'type' and 'target'`,c,'write "- type: cloudify.relationships.connected_to\\n  target: other_node"');return}let u=D(e.namespace,y),m=D(e.namespace,f),d=Object.hasOwn(t.relationshipTypes,u)?t.relationshipTypes[u]:void 0;if(!d){r.error("relationship.unknown-type",`${n}: relationship type '${y}' is not defined`,O(a,"type"),Ke(u,Object.keys(t.relationshipTypes))??"import the types that define it");return}if(!i.has(m)){r.error("relationship.unknown-target",`${n}: relationship target '${f}' is not a node template`,O(a,"target"),Ke(m,[...i.keys()])??"use the name of a node template");return}if(m===e.name){r.error("relationship.self",`${n} has a relationship to itself`,O(a,"target"),"a node cannot depend on itself");return}let p=a.properties??{},h=$(p)?js(p,d.properties,t.dataTypes,`${n} relationship to '${f}'`,r,c?{at:c}:{}):{},g=h.connection_type??"all_to_all";g!=="all_to_all"&&g!=="all_to_one"&&r.error("relationship.connection-type",`${n}: connection_type must be all_to_all or all_to_one, got ${JSON.stringify(g)}`,O(p,"connection_type"));let S=Ne(_e(a.source_interfaces??null,n,"template",r),e.namespace),v=Ne(_e(a.target_interfaces??null,n,"template",r),e.namespace),A={type:u,hierarchy:d.hierarchy,target:m,properties:h,sourceInterfaces:Fs(d.sourceInterfaces,S,`${n} relationship to '${f}' source`,r),targetInterfaces:Fs(d.targetInterfaces,v,`${n} relationship to '${f}' target`,r),connectionType:g==="all_to_one"?"all_to_one":"all_to_all"};c&&(A.position=c),o.push(A)}),o}var Vs="cloudify.policies.scaling";function Al(s,e,t,r,i){let n={},o={},a=new Map;for(let u of s.values()){n[u.name]=u.value;let m=u.value;if(!$(m)){i.error("group.format",`group '${u.name}' must be a mapping with members`,u.position);continue}for(let g of Object.keys(m))g!=="members"&&g!=="policies"&&i.error("group.unknown-key",`group '${u.name}' has unknown key '${g}'`,C(m,g),"valid keys: members, policies");let d=m.members;if(!Array.isArray(d)||d.length===0||!d.every(g=>typeof g=="string")){i.error("group.members",`group '${u.name}' needs a non-empty list of member names`,O(m,"members")??u.position,'write "members: [node_a, node_b]"');continue}let p=d.map(g=>D(u.namespace,g)),h=new Set;p.forEach((g,S)=>{h.has(g)&&i.error("group.members",`group '${u.name}' lists '${g}' twice`,O(d,S)),h.add(g),!t[g]&&!s.has(g)&&i.error("group.unknown-member",`group '${u.name}' member '${g}' is neither a node template nor a group`,O(d,S),"use the name of a node template or of another group")}),a.set(u.name,p.filter(g=>t[g]||s.has(g)))}let l={};for(let u of e.values()){o[u.name]=u.value;let m=u.value;if(!$(m)){i.error("policy.format",`policy '${u.name}' must be a mapping`,u.position);continue}for(let v of Object.keys(m))["type","targets","properties"].includes(v)||i.error("policy.unknown-key",`policy '${u.name}' has unknown key '${v}'`,C(m,v),"valid keys: type, targets, properties");if(m.type!==Vs){i.error("policy.type",`policy '${u.name}' has type ${JSON.stringify(m.type)}; only ${Vs} is supported`,O(m,"type"),`use type: ${Vs}`);continue}let d=m.targets;if(!Array.isArray(d)||d.length===0){i.error("policy.targets",`policy '${u.name}' needs a list of target groups`,O(m,"targets")??u.position,'write "targets: [my_group]"');continue}let p=$(m.properties)?m.properties:{},h={default:p.default_instances,min:p.min_instances,max:p.max_instances,at:O(p)??u.position},g={where:`policy '${u.name}'`,kind:"other"},S=Vi(h,`policy '${u.name}'`,v=>(V(v,g,r,i),z(v,g,r)),i);d.forEach((v,A)=>{let b=typeof v=="string"?D(u.namespace,v):"";if(!a.has(b)){i.error("policy.unknown-target",`policy '${u.name}' targets '${String(v)}', which is not a group`,O(d,A),"name a group declared under groups:");return}if(l[b]){i.error("policy.duplicate-target",`group '${b}' is targeted by more than one scaling policy`,O(d,A));return}let _={name:b,members:a.get(b),scalable:S},E=s.get(b)?.position;E&&(_.position=E),l[b]=_})}let c=new Map;for(let u of Object.values(l))for(let m of u.members){let d=c.get(m);d&&d!==u.name?i.error("group.multiple",`'${m}' is a member of both '${d}' and '${u.name}'`,u.position,"a node or group may belong to one scaling group only"):c.set(m,u.name)}for(let u of Object.values(l)){let m=new Set([u.name]);for(let d=c.get(u.name);d;d=c.get(d)){if(m.has(d)){i.error("group.cycle",`scaling groups contain each other: ${[...m,d].join(" -> ")}`,u.position,"groups must nest as a tree");break}m.add(d)}for(let d of u.members)!l[d]&&s.has(d)&&i.error("group.member-not-scaling",`scaling group '${u.name}' has group '${d}' as a member, but '${d}' has no scaling policy`,u.position,`add '${d}' to a ${Vs} policy's targets`)}let y=(u,m=new Set)=>{let d=new Set;if(m.has(u))return d;m.add(u);for(let p of a.get(u)??[])if(l[p])for(let h of y(p,m))d.add(h);else d.add(p);return d},f=new Map(Object.keys(l).map(u=>[u,y(u)]));for(let u of Object.values(l)){let m=f.get(u.name);u.members=u.members.filter(d=>{for(let p=t[d]?.host;p;p=t[p]?.host)if(m.has(p))return!1;return!0})}return{scalingGroups:l,groups:n,policies:o}}function $l(s,e){let t={};for(let r of s.values()){let i=B(r.value,r.namespace),o={...xi(i,`input '${r.name}'`,r.position,e,{})};r.position&&(o.position=r.position),$(i)&&(typeof i.display_label=="string"&&(o.displayLabel=i.display_label),typeof i.hidden=="boolean"&&(o.hidden=i.hidden)),t[r.name]=o}return t}function Ol(s,e,t,r,i={}){for(let c of Object.keys(e))s[c]||r.error("input.unknown",`input '${c}' is given but the blueprint does not declare it`,void 0,`declared inputs: ${Object.keys(s).join(", ")||"(none)"}`);let n={},o=new Map,a={inputValue:c=>s[c]?{found:!0,value:l(c)}:{found:!1},nodeProperty:()=>({found:!1}),nodeExists:()=>!1},l=c=>{if(o.get(c)==="done")return n[c]??null;let y=s[c];if(o.get(c)==="pending")return r.error("input.cycle",`input '${c}' has a default that refers back to itself`,y.position,"break the cycle of get_input defaults"),null;o.set(c,"pending");let f;if(Object.hasOwn(e,c))f=e[c]??null;else if(y.hasDefault){let u={where:`input '${c}' default`,kind:"input"};V(y.default??null,u,a,r),f=z(y.default??null,u,a)}else y.required===!1?f=null:i.placeholders?f=El(y,t):(r.error("input.missing",`required input '${c}' has no value`,y.position,`pass it with -i ${c}=VALUE or give it a default`),f=null);return n[c]=f,o.set(c,"done"),f!==null&&!ie(f)&&rm(c,y,f,t,r),f};for(let c of Object.keys(s))l(c);return n}function rm(s,e,t,r,i){let n=i.errorCount;if(Ys(t,e.type,r,`input '${s}'`,e.position,i),!(i.errorCount>n)){if(e.type==="list"&&e.itemType&&Array.isArray(t))for(let[o,a]of t.entries())Ys(a,e.itemType,r,`input '${s}' item ${o}`,e.position,i);for(let o of e.constraints??[])ul(o,t)||i.error("input.constraint",`input '${s}' value ${JSON.stringify(t)} violates constraint ${o.name}: ${JSON.stringify(o.argument)}`,o.position??e.position,`give '${s}' a value that satisfies ${o.name}`)}}function El(s,e){let t;switch(s.type){case"integer":t=1;break;case"float":t=1;break;case"boolean":t=!1;break;case"list":t=[];break;case"dict":t={};break;case"regex":t=".*";break;default:if(s.type&&e[s.type]){let r=e[s.type],i={};for(let[n,o]of Object.entries(r.properties))o.hasDefault?i[n]=o.default??null:o.required&&(i[n]=El(o,e));t=i}else t="placeholder"}return fl(s.constraints??[],t)}import{existsSync as im,statSync as nm}from"node:fs";import Ue from"node:path";function Nl(s,e){if(!s)return{kind:"noop"};let t=s.indexOf(".");if(t>0){let r=s.slice(0,t);if(e[r])return{kind:"plugin",plugin:r,task:s.slice(t+1)};let i=r.lastIndexOf(H);if(i>0){let n=r.slice(i+H.length);if(e[n])return{kind:"plugin",plugin:n,task:s.slice(t+1)}}}return/\.[A-Za-z0-9]+$/.test(s)&&(s.includes("/")||!e[s.split(".")[0]])?{kind:"script",path:s}:{kind:"plugin",plugin:s.slice(0,Math.max(t,0))||s,task:s.slice(t+1)}}function om(s,e){let t=e.lastIndexOf(".");return s[e.slice(0,t)]?.[e.slice(t+1)]}function ql(s,e,t,r){let i=Ue.dirname(Ue.resolve(s)),n=new Set,o=(a,l)=>{for(let[c,y]of Object.entries(a))for(let[f,u]of Object.entries(y)){let m=Nl(u.implementation,t);if(m.kind!=="script"||/^[a-z][a-z0-9+.-]*:\/\//i.test(m.path))continue;let d=`${l}\0${c}.${f}`;if(n.has(d))continue;n.add(d);let p=Ue.resolve(i,m.path),h=Ue.relative(i,p);h.startsWith("..")||Ue.isAbsolute(h)?r.error("operation.script-outside",`${l}: operation '${c}.${f}' runs '${m.path}', which is outside the blueprint's directory`,u.position,"keep scripts in the blueprint's directory (or below it)"):(!im(p)||!nm(p).isFile())&&r.error("operation.script-not-found",`${l}: operation '${c}.${f}' runs '${m.path}', which is not a file of the blueprint`,u.position,`add ${m.path} next to the blueprint (paths are relative to ${Ue.basename(s)}'s directory), or name a declared plugin's task`)}};for(let[a,l]of Object.entries(e)){o(l.interfaces,`node '${a}'`);for(let c of l.relationships)o(c.sourceInterfaces,`node '${a}' relationship to '${c.target}'`),o(c.targetInterfaces,`node '${a}' relationship to '${c.target}'`)}}function am(s,e={}){let t=new Be,r=lm(s,e,t);return t.hasErrors?{diagnostics:Ts(t.items)}:{blueprint:r,diagnostics:Ts(t.items)}}function lm(s,e,t){let r=rl(s,e,t);if(r.length===0||t.items.some(_=>_.severity==="error"&&_.code.startsWith("import.")))return;let i=r[0],n=i.doc.tosca_definitions_version,o=typeof n=="string"&&n.startsWith("cloudify_dsl_")?n.slice(13):void 0;if(!o||!Ps.includes(o)){t.error("blueprint.version",n===void 0?"tosca_definitions_version is missing":`unsupported tosca_definitions_version ${JSON.stringify(n)}`,O(i.doc,"tosca_definitions_version")??{file:i.file,line:1,column:1},'start the blueprint with "tosca_definitions_version: cloudify_dsl_1_5" (1_3, 1_4 and 1_5 are supported)');return}let a=al(r,t),l=a.sections,c=gl(l.data_types,t),y=_l(l.node_types,t),f=bl(l.relationships,t);Bi([...Object.values(c).map(_=>[`data type '${_.name}'`,_.properties]),...Object.values(y).map(_=>[`node type '${_.name}'`,_.properties]),...Object.values(f).map(_=>[`relationship '${_.name}'`,_.properties])],c,t);let u=$l(l.inputs,t);Bi([["input",u]],c,t);let m=Ol(u,e.inputs??{},c,t,e),d=new Set(Object.keys(u)),p=vl(l.node_templates,{nodeTypes:y,relationshipTypes:f,dataTypes:c,inputValues:m,inputNames:d},t);l.node_templates.size===0&&r.length>0&&(i.doc.node_templates||t.warning("blueprint.no-nodes","the blueprint has no node_templates",{file:i.file,line:1,column:1}));let h={inputValue:_=>d.has(_)?{found:!0,value:m[_]??null}:{found:!1},nodeExists:_=>!!p[_]||l.node_templates.has(_),nodeProperty:(_,E)=>{let k=p[_];if(!k||E.length===0)return{found:!1};let N=k.properties;for(let j of E)N=N&&typeof N=="object"?N[String(j)]:void 0;return{found:!0,value:N??null}}},{scalingGroups:g,groups:S,policies:v}=Al(l.groups,l.policies,p,h,t),A=fm(l.plugins,t);e.checkScripts!==!1&&ql(s,p,A,t);let b={dslVersion:o,mainFile:i.file,metadata:a.metadata,inputs:u,inputValues:m,dataTypes:c,nodeTypes:y,relationshipTypes:f,plugins:A,nodeTemplates:p,workflows:pm(l.workflows,t),outputs:Tl(l.outputs,"output",h,t),capabilities:Tl(l.capabilities,"capability",h,t),scalingGroups:g,groups:S,policies:v,labels:cm(l.labels,h,t),blueprintLabels:um(l.blueprint_labels),namespacesMapping:a.namespacesMapping,files:r.map(_=>_.file)};return a.description!==void 0&&(b.description=a.description),a.deploymentSettings&&(b.deploymentSettings=a.deploymentSettings),b}function cm(s,e,t){let r={};for(let i of s.values()){let n=i.value;if(!$(n)||!Array.isArray(n.values)){t.error("label.format",`label '${i.name}' needs a list of values`,i.position,`write "${i.name}: { values: [a, b] }"`);continue}let o={where:`label '${i.name}'`,kind:"other"};V(n.values,o,e,t),r[i.name]={...n,values:z(n.values,o,e)}}return r}function um(s){let e={};for(let t of s.values())e[t.name]=t.value;return e}var Il=["executor","source","install","install_arguments","package_name","package_version","supported_platform","distribution","distribution_version","distribution_release","properties_description","properties"];function fm(s,e){let t={};for(let r of s.values()){let i=r.value??{};if(!$(i)){e.error("plugin.format",`plugin '${r.name}' must be a mapping`,r.position);continue}for(let a of Object.keys(i))Il.includes(a)||e.error("plugin.unknown-key",`plugin '${r.name}' has unknown key '${a}'`,C(i,a),`valid keys: ${Il.join(", ")}`);let n=i.executor;n!==void 0&&n!=="central_deployment_agent"&&n!=="host_agent"&&e.error("plugin.executor",`plugin '${r.name}': executor must be central_deployment_agent or host_agent`,O(i,"executor"));let o={name:r.name,properties:$(i.properties)?i.properties:{}};typeof n=="string"&&(o.executor=n),typeof i.package_name=="string"&&(o.packageName=i.package_name),t[r.name]=o}return t}function pm(s,e){let t={};for(let r of s.values()){let i=r.value,n=typeof i=="string"?i:$(i)&&typeof i.mapping=="string"?i.mapping:void 0;if(!n){e.error("workflow.format",`workflow '${r.name}' needs a mapping (plugin.module.function)`,r.position,'write "my_workflow: { mapping: plugin.module.function }"');continue}let o=n.indexOf(".");t[r.name]={name:r.name,mapping:n,plugin:o>0?n.slice(0,o):n,parameters:$(i)?ge(i.parameters??null,`workflow '${r.name}' parameter`,e):{}}}return t}function Tl(s,e,t,r){let i={};for(let n of s.values()){let o=B(n.value,n.namespace);if(!$(o)||!Object.hasOwn(o,"value")){r.error(`${e}.format`,`${e} '${n.name}' needs a 'value'`,n.position,`write "${n.name}: { value: ... }"`);continue}for(let c of Object.keys(o))c!=="value"&&c!=="description"&&r.error(`${e}.unknown-key`,`${e} '${n.name}' has unknown key '${c}'`,C(o,c),"valid keys: value, description");let a={where:`${e} '${n.name}'`,kind:e==="output"?"output":"capability"};V(o.value??null,a,t,r);let l={value:z(o.value??null,a,t)};typeof o.description=="string"&&(l.description=o.description),n.position&&(l.position=n.position),i[n.name]=l}return i}var dm=Ui(Oi(),1);var Ki=class extends G{name="FunctionEvaluationError";constructor(e){super("function.evaluation",e)}};function be(s){return s.map(e=>typeof e=="number"?e:String(e))}async function Ks(s,e){let t=J(s);if(t)return mm(t,e);if(Array.isArray(s))return Promise.all(s.map(r=>Ks(r,e)));if($(s)){let r={};for(let[i,n]of Object.entries(s))r[i]=await Ks(n,e);return r}return s}async function mm(s,e){let t=await Ks(s.args,e),r=Array.isArray(t)?t:[t],[i,...n]=r;switch(s.name){case"get_attribute":return e.attribute(String(i),be(n));case"get_attributes_list":return e.attributesList(String(i),be(n));case"get_attributes_dict":return e.attributesDict(String(i),be(n));case"get_property":return e.property(String(i),be(n));case"get_input":return e.input(String(i),be(n));case"get_secret":return e.secret(String(i),be(n));case"get_capability":case"get_group_capability":return e.capability(String(i),String(n[0]),be(n.slice(1)));case"get_environment_capability":return e.environmentCapability(String(i),be(n));case"get_sys":return e.sys(String(i),String(n[0]));case"get_label":return e.label(String(i),typeof n[0]=="number"?n[0]:void 0);case"concat":case"merge":case"string_find":case"string_replace":case"string_split":case"string_lower":case"string_upper":return Pi(s.name,t)}}function ym(s,e,t){let[r,...i]=t,n=String(r);return Object.hasOwn(s,n)?Ot(s[n]??null,i):Object.hasOwn(e,n)?Ot(e[n]??null,i):null}var Cl=class extends G{constructor(t,r=!0,i){super("operation.failed",t,{...i,retryable:r});this.recoverable=r}recoverable;name="OperationError"},Ll=class extends G{constructor(t,r){super("operation.retry",t,{retryable:!0});this.afterSeconds=r}afterSeconds;name="RetryRequest"},Ml=class extends G{constructor(t){super("operation.child",`waiting for the driver: ${t.action} child deployment '${t.deploymentId}'`,{retryable:!0});this.request=t}request;name="ChildWorkRequest"};export{G as a,$t as b,Oi as c,At as d,$ as e,sl as f,Ot as g,wl as h,Nl as i,om as j,am as k,Ki as l,Ks as m,ym as n,Cl as o,Ll as p,Ml as q};
