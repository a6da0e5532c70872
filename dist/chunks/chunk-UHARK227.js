import { createRequire as __isthmusCreateRequire } from 'node:module'; import { dirname as __isthmusDirname } from 'node:path'; import { fileURLToPath as __isthmusFileURLToPath } from 'node:url'; const require = __isthmusCreateRequire(import.meta.url); const __filename = __isthmusFileURLToPath(import.meta.url); const __dirname = __isthmusDirname(__filename);
import{a as Ct,c as w,e as Jn}from"./chunk-MLTLJ63E.js";var I=w(x=>{"use strict";var Jr=Symbol.for("yaml.alias"),Wn=Symbol.for("yaml.document"),Lt=Symbol.for("yaml.map"),Gn=Symbol.for("yaml.pair"),Wr=Symbol.for("yaml.scalar"),Pt=Symbol.for("yaml.seq"),ne=Symbol.for("yaml.node.type"),Ml=r=>!!r&&typeof r=="object"&&r[ne]===Jr,Rl=r=>!!r&&typeof r=="object"&&r[ne]===Wn,Dl=r=>!!r&&typeof r=="object"&&r[ne]===Lt,xl=r=>!!r&&typeof r=="object"&&r[ne]===Gn,Hn=r=>!!r&&typeof r=="object"&&r[ne]===Wr,Yl=r=>!!r&&typeof r=="object"&&r[ne]===Pt;function zn(r){if(r&&typeof r=="object")switch(r[ne]){case Lt:case Pt:return!0}return!1}function jl(r){if(r&&typeof r=="object")switch(r[ne]){case Jr:case Lt:case Wr:case Pt:return!0}return!1}var Bl=r=>(Hn(r)||zn(r))&&!!r.anchor;x.ALIAS=Jr;x.DOC=Wn;x.MAP=Lt;x.NODE_TYPE=ne;x.PAIR=Gn;x.SCALAR=Wr;x.SEQ=Pt;x.hasAnchor=Bl;x.isAlias=Ml;x.isCollection=zn;x.isDocument=Rl;x.isMap=Dl;x.isNode=jl;x.isPair=xl;x.isScalar=Hn;x.isSeq=Yl});var We=w(Gr=>{"use strict";var R=I(),K=Symbol("break visit"),Qn=Symbol("skip children"),te=Symbol("remove node");function Mt(r,e){let t=Xn(e);R.isDocument(r)?Ie(null,r.contents,t,Object.freeze([r]))===te&&(r.contents=null):Ie(null,r,t,Object.freeze([]))}Mt.BREAK=K;Mt.SKIP=Qn;Mt.REMOVE=te;function Ie(r,e,t,s){let n=Zn(r,e,t,s);if(R.isNode(n)||R.isPair(n))return ei(r,s,n),Ie(r,n,t,s);if(typeof n!="symbol"){if(R.isCollection(e)){s=Object.freeze(s.concat(e));for(let i=0;i<e.items.length;++i){let o=Ie(i,e.items[i],t,s);if(typeof o=="number")i=o-1;else{if(o===K)return K;o===te&&(e.items.splice(i,1),i-=1)}}}else if(R.isPair(e)){s=Object.freeze(s.concat(e));let i=Ie("key",e.key,t,s);if(i===K)return K;i===te&&(e.key=null);let o=Ie("value",e.value,t,s);if(o===K)return K;o===te&&(e.value=null)}}return n}async function Rt(r,e){let t=Xn(e);R.isDocument(r)?await Te(null,r.contents,t,Object.freeze([r]))===te&&(r.contents=null):await Te(null,r,t,Object.freeze([]))}Rt.BREAK=K;Rt.SKIP=Qn;Rt.REMOVE=te;async function Te(r,e,t,s){let n=await Zn(r,e,t,s);if(R.isNode(n)||R.isPair(n))return ei(r,s,n),Te(r,n,t,s);if(typeof n!="symbol"){if(R.isCollection(e)){s=Object.freeze(s.concat(e));for(let i=0;i<e.items.length;++i){let o=await Te(i,e.items[i],t,s);if(typeof o=="number")i=o-1;else{if(o===K)return K;o===te&&(e.items.splice(i,1),i-=1)}}}else if(R.isPair(e)){s=Object.freeze(s.concat(e));let i=await Te("key",e.key,t,s);if(i===K)return K;i===te&&(e.key=null);let o=await Te("value",e.value,t,s);if(o===K)return K;o===te&&(e.value=null)}}return n}function Xn(r){return typeof r=="object"&&(r.Collection||r.Node||r.Value)?Object.assign({Alias:r.Node,Map:r.Node,Scalar:r.Node,Seq:r.Node},r.Value&&{Map:r.Value,Scalar:r.Value,Seq:r.Value},r.Collection&&{Map:r.Collection,Seq:r.Collection},r):r}function Zn(r,e,t,s){if(typeof t=="function")return t(r,e,s);if(R.isMap(e))return t.Map?.(r,e,s);if(R.isSeq(e))return t.Seq?.(r,e,s);if(R.isPair(e))return t.Pair?.(r,e,s);if(R.isScalar(e))return t.Scalar?.(r,e,s);if(R.isAlias(e))return t.Alias?.(r,e,s)}function ei(r,e,t){let s=e[e.length-1];if(R.isCollection(s))s.items[r]=t;else if(R.isPair(s))r==="key"?s.key=t:s.value=t;else if(R.isDocument(s))s.contents=t;else{let n=R.isAlias(s)?"alias":"scalar";throw new Error(`Cannot replace node with ${n} parent`)}}Gr.visit=Mt;Gr.visitAsync=Rt});var Hr=w(ri=>{"use strict";var ti=I(),Fl=We(),Vl={"!":"%21",",":"%2C","[":"%5B","]":"%5D","{":"%7B","}":"%7D"},Kl=r=>r.replace(/[!,[\]{}]/g,e=>Vl[e]),Ge=class r{constructor(e,t){this.docStart=null,this.docEnd=!1,this.yaml=Object.assign({},r.defaultYaml,e),this.tags=Object.assign({},r.defaultTags,t)}clone(){let e=new r(this.yaml,this.tags);return e.docStart=this.docStart,e}atDocument(){let e=new r(this.yaml,this.tags);switch(this.yaml.version){case"1.1":this.atNextDocument=!0;break;case"1.2":this.atNextDocument=!1,this.yaml={explicit:r.defaultYaml.explicit,version:"1.2"},this.tags=Object.assign({},r.defaultTags);break}return e}add(e,t){this.atNextDocument&&(this.yaml={explicit:r.defaultYaml.explicit,version:"1.1"},this.tags=Object.assign({},r.defaultTags),this.atNextDocument=!1);let s=e.trim().split(/[ \t]+/),n=s.shift();switch(n){case"%TAG":{if(s.length!==2&&(t(0,"%TAG directive should contain exactly two parts"),s.length<2))return!1;let[i,o]=s;return this.tags[i]=o,!0}case"%YAML":{if(this.yaml.explicit=!0,s.length!==1)return t(0,"%YAML directive should contain exactly one part"),!1;let[i]=s;if(i==="1.1"||i==="1.2")return this.yaml.version=i,!0;{let o=/^\d+\.\d+$/.test(i);return t(6,`Unsupported YAML version ${i}`,o),!1}}default:return t(0,`Unknown directive ${n}`,!0),!1}}tagName(e,t){if(e==="!")return"!";if(e[0]!=="!")return t(`Not a valid tag: ${e}`),null;if(e[1]==="<"){let o=e.slice(2,-1);return o==="!"||o==="!!"?(t(`Verbatim tags aren't resolved, so ${e} is invalid.`),null):(e[e.length-1]!==">"&&t("Verbatim tags must end with a >"),o)}let[,s,n]=e.match(/^(.*!)([^!]*)$/s);n||t(`The ${e} tag has no suffix`);let i=this.tags[s];if(i)try{return i+decodeURIComponent(n)}catch(o){return t(String(o)),null}return s==="!"?e:(t(`Could not resolve tag: ${e}`),null)}tagString(e){for(let[t,s]of Object.entries(this.tags))if(e.startsWith(s))return t+Kl(e.substring(s.length));return e[0]==="!"?e:`!<${e}>`}toString(e){let t=this.yaml.explicit?[`%YAML ${this.yaml.version||"1.2"}`]:[],s=Object.entries(this.tags),n;if(e&&s.length>0&&ti.isNode(e.contents)){let i={};Fl.visit(e.contents,(o,a)=>{ti.isNode(a)&&a.tag&&(i[a.tag]=!0)}),n=Object.keys(i)}else n=[];for(let[i,o]of s)i==="!!"&&o==="tag:yaml.org,2002:"||(!e||n.some(a=>a.startsWith(o)))&&t.push(`%TAG ${i} ${o}`);return t.join(`
`)}};Ge.defaultYaml={explicit:!1,version:"1.2"};Ge.defaultTags={"!!":"tag:yaml.org,2002:"};ri.Directives=Ge});var Dt=w(He=>{"use strict";var si=I(),Ul=We();function Jl(r){if(/[\x00-\x19\s,[\]{}]/.test(r)){let t=`Anchor must not contain whitespace or control characters: ${JSON.stringify(r)}`;throw new Error(t)}return!0}function ni(r){let e=new Set;return Ul.visit(r,{Value(t,s){s.anchor&&e.add(s.anchor)}}),e}function ii(r,e){for(let t=1;;++t){let s=`${r}${t}`;if(!e.has(s))return s}}function Wl(r,e){let t=[],s=new Map,n=null;return{onAnchor:i=>{t.push(i),n??(n=ni(r));let o=ii(e,n);return n.add(o),o},setAnchors:()=>{for(let i of t){let o=s.get(i);if(typeof o=="object"&&o.anchor&&(si.isScalar(o.node)||si.isCollection(o.node)))o.node.anchor=o.anchor;else{let a=new Error("Failed to resolve repeated object (this should not happen)");throw a.source=i,a}}},sourceObjects:s}}He.anchorIsValid=Jl;He.anchorNames=ni;He.createNodeAnchors=Wl;He.findNewAnchor=ii});var zr=w(oi=>{"use strict";function ze(r,e,t,s){if(s&&typeof s=="object")if(Array.isArray(s))for(let n=0,i=s.length;n<i;++n){let o=s[n],a=ze(r,s,String(n),o);a===void 0?delete s[n]:a!==o&&(s[n]=a)}else if(s instanceof Map)for(let n of Array.from(s.keys())){let i=s.get(n),o=ze(r,s,n,i);o===void 0?s.delete(n):o!==i&&s.set(n,o)}else if(s instanceof Set)for(let n of Array.from(s)){let i=ze(r,s,n,n);i===void 0?s.delete(n):i!==n&&(s.delete(n),s.add(i))}else for(let[n,i]of Object.entries(s)){let o=ze(r,s,n,i);o===void 0?delete s[n]:o!==i&&(s[n]=o)}return r.call(e,t,s)}oi.applyReviver=ze});var ae=w(li=>{"use strict";var Gl=I();function ai(r,e,t){if(Array.isArray(r))return r.map((s,n)=>ai(s,String(n),t));if(r&&typeof r.toJSON=="function"){if(!t||!Gl.hasAnchor(r))return r.toJSON(e,t);let s={aliasCount:0,count:1,res:void 0};t.anchors.set(r,s),t.onCreate=i=>{s.res=i,delete t.onCreate};let n=r.toJSON(e,t);return t.onCreate&&t.onCreate(n),n}return typeof r=="bigint"&&!t?.keep?Number(r):r}li.toJS=ai});var xt=w(ui=>{"use strict";var Hl=zr(),ci=I(),zl=ae(),Qr=class{constructor(e){Object.defineProperty(this,ci.NODE_TYPE,{value:e})}clone(){let e=Object.create(Object.getPrototypeOf(this),Object.getOwnPropertyDescriptors(this));return this.range&&(e.range=this.range.slice()),e}toJS(e,{mapAsMap:t,maxAliasCount:s,onAnchor:n,reviver:i}={}){if(!ci.isDocument(e))throw new TypeError("A document argument is required");let o={anchors:new Map,doc:e,keep:!0,mapAsMap:t===!0,mapKeyWarned:!1,maxAliasCount:typeof s=="number"?s:100},a=zl.toJS(this,"",o);if(typeof n=="function")for(let{count:l,res:c}of o.anchors.values())n(c,l);return typeof i=="function"?Hl.applyReviver(i,{"":a},"",a):a}};ui.NodeBase=Qr});var Qe=w(fi=>{"use strict";var Ql=Dt(),Xl=We(),qe=I(),Zl=xt(),ec=ae(),Xr=class extends Zl.NodeBase{constructor(e){super(qe.ALIAS),this.source=e,Object.defineProperty(this,"tag",{set(){throw new Error("Alias nodes cannot have tags")}})}resolve(e,t){if(t?.maxAliasCount===0)throw new ReferenceError("Alias resolution is disabled");let s;t?.aliasResolveCache?s=t.aliasResolveCache:(s=[],Xl.visit(e,{Node:(i,o)=>{(qe.isAlias(o)||qe.hasAnchor(o))&&s.push(o)}}),t&&(t.aliasResolveCache=s));let n;for(let i of s){if(i===this)break;i.anchor===this.source&&(n=i)}if(n&&t){let{anchors:i,doc:o,maxAliasCount:a}=t,l=i.get(n);if(l||(ec.toJS(n,null,t),l=i.get(n)),l?.res===void 0){let c="This should not happen: Alias anchor was not resolved?";throw new ReferenceError(c)}if(a>=0&&(l.count+=1,l.aliasCount===0&&(l.aliasCount=Yt(o,n,i)),l.count*l.aliasCount>a)){let c="Excessive alias count indicates a resource exhaustion attack";throw new ReferenceError(c)}}return n}toJSON(e,t){if(!t)return{source:this.source};let s=this.resolve(t.doc,t);if(!s){let n=`Unresolved alias (the anchor must be set before the alias): ${this.source}`;throw new ReferenceError(n)}return t.anchors.get(s).res}toString(e,t,s){let n=`*${this.source}`;if(e){if(Ql.anchorIsValid(this.source),e.options.verifyAliasOrder&&!e.anchors.has(this.source)){let i=`Unresolved alias (the anchor must be set before the alias): ${this.source}`;throw new Error(i)}if(e.implicitKey)return`${n} `}return n}};function Yt(r,e,t){if(qe.isAlias(e)){let s=e.resolve(r),n=t&&s&&t.get(s);return n?n.count*n.aliasCount:0}else if(qe.isCollection(e)){let s=0;for(let n of e.items){let i=Yt(r,n,t);i>s&&(s=i)}return s}else if(qe.isPair(e)){let s=Yt(r,e.key,t),n=Yt(r,e.value,t);return Math.max(s,n)}return 1}fi.Alias=Xr});var P=w(Zr=>{"use strict";var tc=I(),rc=xt(),sc=ae(),nc=r=>!r||typeof r!="function"&&typeof r!="object",le=class extends rc.NodeBase{constructor(e){super(tc.SCALAR),this.value=e}toJSON(e,t){return t?.keep?this.value:sc.toJS(this.value,e,t)}toString(){return String(this.value)}};le.BLOCK_FOLDED="BLOCK_FOLDED";le.BLOCK_LITERAL="BLOCK_LITERAL";le.PLAIN="PLAIN";le.QUOTE_DOUBLE="QUOTE_DOUBLE";le.QUOTE_SINGLE="QUOTE_SINGLE";Zr.Scalar=le;Zr.isScalarValue=nc});var Xe=w(di=>{"use strict";var ic=Qe(),Se=I(),pi=P(),oc="tag:yaml.org,2002:";function ac(r,e,t){if(e){let s=t.filter(i=>i.tag===e),n=s.find(i=>!i.format)??s[0];if(!n)throw new Error(`Tag ${e} not found`);return n}return t.find(s=>s.identify?.(r)&&!s.format)}function lc(r,e,t){if(Se.isDocument(r)&&(r=r.contents),Se.isNode(r))return r;if(Se.isPair(r)){let f=t.schema[Se.MAP].createNode?.(t.schema,null,t);return f.items.push(r),f}(r instanceof String||r instanceof Number||r instanceof Boolean||typeof BigInt<"u"&&r instanceof BigInt)&&(r=r.valueOf());let{aliasDuplicateObjects:s,onAnchor:n,onTagObj:i,schema:o,sourceObjects:a}=t,l;if(s&&r&&typeof r=="object"){if(l=a.get(r),l)return l.anchor??(l.anchor=n(r)),new ic.Alias(l.anchor);l={anchor:null,node:null},a.set(r,l)}e?.startsWith("!!")&&(e=oc+e.slice(2));let c=ac(r,e,o.tags);if(!c){if(r&&typeof r.toJSON=="function"&&(r=r.toJSON()),!r||typeof r!="object"){let f=new pi.Scalar(r);return l&&(l.node=f),f}c=r instanceof Map?o[Se.MAP]:Symbol.iterator in Object(r)?o[Se.SEQ]:o[Se.MAP]}i&&(i(c),delete t.onTagObj);let y=c?.createNode?c.createNode(t.schema,r,t):typeof c?.nodeClass?.from=="function"?c.nodeClass.from(t.schema,r,t):new pi.Scalar(r);return e?y.tag=e:c.default||(y.tag=c.tag),l&&(l.node=y),y}di.createNode=lc});var Bt=w(jt=>{"use strict";var cc=Xe(),re=I(),uc=xt();function es(r,e,t){let s=t;for(let n=e.length-1;n>=0;--n){let i=e[n];if(typeof i=="number"&&Number.isInteger(i)&&i>=0){let o=[];o[i]=s,s=o}else s=new Map([[i,s]])}return cc.createNode(s,void 0,{aliasDuplicateObjects:!1,keepUndefined:!1,onAnchor:()=>{throw new Error("This should not happen, please report a bug.")},schema:r,sourceObjects:new Map})}var mi=r=>r==null||typeof r=="object"&&!!r[Symbol.iterator]().next().done,ts=class extends uc.NodeBase{constructor(e,t){super(e),Object.defineProperty(this,"schema",{value:t,configurable:!0,enumerable:!1,writable:!0})}clone(e){let t=Object.create(Object.getPrototypeOf(this),Object.getOwnPropertyDescriptors(this));return e&&(t.schema=e),t.items=t.items.map(s=>re.isNode(s)||re.isPair(s)?s.clone(e):s),this.range&&(t.range=this.range.slice()),t}addIn(e,t){if(mi(e))this.add(t);else{let[s,...n]=e,i=this.get(s,!0);if(re.isCollection(i))i.addIn(n,t);else if(i===void 0&&this.schema)this.set(s,es(this.schema,n,t));else throw new Error(`Expected YAML collection at ${s}. Remaining path: ${n}`)}}deleteIn(e){let[t,...s]=e;if(s.length===0)return this.delete(t);let n=this.get(t,!0);if(re.isCollection(n))return n.deleteIn(s);throw new Error(`Expected YAML collection at ${t}. Remaining path: ${s}`)}getIn(e,t){let[s,...n]=e,i=this.get(s,!0);return n.length===0?!t&&re.isScalar(i)?i.value:i:re.isCollection(i)?i.getIn(n,t):void 0}hasAllNullValues(e){return this.items.every(t=>{if(!re.isPair(t))return!1;let s=t.value;return s==null||e&&re.isScalar(s)&&s.value==null&&!s.commentBefore&&!s.comment&&!s.tag})}hasIn(e){let[t,...s]=e;if(s.length===0)return this.has(t);let n=this.get(t,!0);return re.isCollection(n)?n.hasIn(s):!1}setIn(e,t){let[s,...n]=e;if(n.length===0)this.set(s,t);else{let i=this.get(s,!0);if(re.isCollection(i))i.setIn(n,t);else if(i===void 0&&this.schema)this.set(s,es(this.schema,n,t));else throw new Error(`Expected YAML collection at ${s}. Remaining path: ${n}`)}}};jt.Collection=ts;jt.collectionFromPath=es;jt.isEmptyPath=mi});var Ze=w(Ft=>{"use strict";var fc=r=>r.replace(/^(?!$)(?: $)?/gm,"#");function rs(r,e){return/^\n+$/.test(r)?r.substring(1):e?r.replace(/^(?! *$)/gm,e):r}var pc=(r,e,t)=>r.endsWith(`
`)?rs(t,e):t.includes(`
`)?`
`+rs(t,e):(r.endsWith(" ")?"":" ")+t;Ft.indentComment=rs;Ft.lineComment=pc;Ft.stringifyComment=fc});var hi=w(et=>{"use strict";var dc="flow",ss="block",Vt="quoted";function mc(r,e,t="flow",{indentAtStart:s,lineWidth:n=80,minContentWidth:i=20,onFold:o,onOverflow:a}={}){if(!n||n<0)return r;n<i&&(i=0);let l=Math.max(1+i,1+n-e.length);if(r.length<=l)return r;let c=[],y={},f=n-e.length;typeof s=="number"&&(s>n-Math.max(2,i)?c.push(0):f=n-s);let u,m,d=!1,p=-1,h=-1,g=-1;t===ss&&(p=yi(r,p,e.length),p!==-1&&(f=p+l));for(let v;v=r[p+=1];){if(t===Vt&&v==="\\"){switch(h=p,r[p+1]){case"x":p+=3;break;case"u":p+=5;break;case"U":p+=9;break;default:p+=1}g=p}if(v===`
`)t===ss&&(p=yi(r,p,e.length)),f=p+e.length+l,u=void 0;else{if(v===" "&&m&&m!==" "&&m!==`
`&&m!=="	"){let A=r[p+1];A&&A!==" "&&A!==`
`&&A!=="	"&&(u=p)}if(p>=f)if(u)c.push(u),f=u+l,u=void 0;else if(t===Vt){for(;m===" "||m==="	";)m=v,v=r[p+=1],d=!0;let A=p>g+1?p-2:h-1;if(y[A])return r;c.push(A),y[A]=!0,f=A+l,u=void 0}else d=!0}m=v}if(d&&a&&a(),c.length===0)return r;o&&o();let k=r.slice(0,c[0]);for(let v=0;v<c.length;++v){let A=c[v],S=c[v+1]||r.length;A===0?k=`
${e}${r.slice(0,S)}`:(t===Vt&&y[A]&&(k+=`${r[A]}\\`),k+=`
${e}${r.slice(A+1,S)}`)}return k}function yi(r,e,t){let s=e,n=e+1,i=r[n];for(;i===" "||i==="	";)if(e<n+t)i=r[++e];else{do i=r[++e];while(i&&i!==`
`);s=e,n=e+1,i=r[n]}return s}et.FOLD_BLOCK=ss;et.FOLD_FLOW=dc;et.FOLD_QUOTED=Vt;et.foldFlowLines=mc});var rt=w(gi=>{"use strict";var Q=P(),ce=hi(),Ut=(r,e)=>({indentAtStart:e?r.indent.length:r.indentAtStart,lineWidth:r.options.lineWidth,minContentWidth:r.options.minContentWidth}),Jt=r=>/^(%|---|\.\.\.)/m.test(r);function yc(r,e,t){if(!e||e<0)return!1;let s=e-t,n=r.length;if(n<=s)return!1;for(let i=0,o=0;i<n;++i)if(r[i]===`
`){if(i-o>s)return!0;if(o=i+1,n-o<=s)return!1}return!0}function tt(r,e){let t=JSON.stringify(r);if(e.options.doubleQuotedAsJSON)return t;let{implicitKey:s}=e,n=e.options.doubleQuotedMinMultiLineLength,i=e.indent||(Jt(r)?"  ":""),o="",a=0;for(let l=0,c=t[l];c;c=t[++l])if(c===" "&&t[l+1]==="\\"&&t[l+2]==="n"&&(o+=t.slice(a,l)+"\\ ",l+=1,a=l,c="\\"),c==="\\")switch(t[l+1]){case"u":{o+=t.slice(a,l);let y=t.substr(l+2,4);switch(y){case"0000":o+="\\0";break;case"0007":o+="\\a";break;case"000b":o+="\\v";break;case"001b":o+="\\e";break;case"0085":o+="\\N";break;case"00a0":o+="\\_";break;case"2028":o+="\\L";break;case"2029":o+="\\P";break;default:y.substr(0,2)==="00"?o+="\\x"+y.substr(2):o+=t.substr(l,6)}l+=5,a=l+1}break;case"n":if(s||t[l+2]==='"'||t.length<n)l+=1;else{for(o+=t.slice(a,l)+`

`;t[l+2]==="\\"&&t[l+3]==="n"&&t[l+4]!=='"';)o+=`
`,l+=2;o+=i,t[l+2]===" "&&(o+="\\"),l+=1,a=l+1}break;default:l+=1}return o=a?o+t.slice(a):t,s?o:ce.foldFlowLines(o,i,ce.FOLD_QUOTED,Ut(e,!1))}function ns(r,e){if(e.options.singleQuote===!1||e.implicitKey&&r.includes(`
`)||/[ \t]\n|\n[ \t]/.test(r))return tt(r,e);let t=e.indent||(Jt(r)?"  ":""),s="'"+r.replace(/'/g,"''").replace(/\n+/g,`$&
${t}`)+"'";return e.implicitKey?s:ce.foldFlowLines(s,t,ce.FOLD_FLOW,Ut(e,!1))}function Ce(r,e){let{singleQuote:t}=e.options,s;if(t===!1)s=tt;else{let n=r.includes('"'),i=r.includes("'");n&&!i?s=ns:i&&!n?s=tt:s=t?ns:tt}return s(r,e)}var is;try{is=new RegExp(`(^|(?<!
))
+(?!
|$)`,"g")}catch{is=/\n+(?!\n|$)/g}function Kt({comment:r,type:e,value:t},s,n,i){let{blockQuote:o,commentString:a,lineWidth:l}=s.options;if(!o||/\n[\t ]+$/.test(t))return Ce(t,s);let c=s.indent||(s.forceBlockIndent||Jt(t)?"  ":""),y=o==="literal"?!0:o==="folded"||e===Q.Scalar.BLOCK_FOLDED?!1:e===Q.Scalar.BLOCK_LITERAL?!0:!yc(t,l,c.length);if(!t)return y?`|
`:`>
`;let f,u;for(u=t.length;u>0;--u){let S=t[u-1];if(S!==`
`&&S!=="	"&&S!==" ")break}let m=t.substring(u),d=m.indexOf(`
`);d===-1?f="-":t===m||d!==m.length-1?(f="+",i&&i()):f="",m&&(t=t.slice(0,-m.length),m[m.length-1]===`
`&&(m=m.slice(0,-1)),m=m.replace(is,`$&${c}`));let p=!1,h,g=-1;for(h=0;h<t.length;++h){let S=t[h];if(S===" ")p=!0;else if(S===`
`)g=h;else break}let k=t.substring(0,g<h?g+1:h);k&&(t=t.substring(k.length),k=k.replace(/\n+/g,`$&${c}`));let A=(p?c?"2":"1":"")+f;if(r&&(A+=" "+a(r.replace(/ ?[\r\n]+/g," ")),n&&n()),!y){let S=t.replace(/\n+/g,`
$&`).replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g,"$1$2").replace(/\n+/g,`$&${c}`),_=!1,N=Ut(s,!0);o!=="folded"&&e!==Q.Scalar.BLOCK_FOLDED&&(N.onOverflow=()=>{_=!0});let b=ce.foldFlowLines(`${k}${S}${m}`,c,ce.FOLD_BLOCK,N);if(!_)return`>${A}
${c}${b}`}return t=t.replace(/\n+/g,`$&${c}`),`|${A}
${c}${k}${t}${m}`}function hc(r,e,t,s){let{type:n,value:i}=r,{actualString:o,implicitKey:a,indent:l,indentStep:c,inFlow:y}=e;if(a&&i.includes(`
`)||y&&/[[\]{},]/.test(i))return Ce(i,e);if(/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(i))return a||y||!i.includes(`
`)?Ce(i,e):Kt(r,e,t,s);if(!a&&!y&&n!==Q.Scalar.PLAIN&&i.includes(`
`))return Kt(r,e,t,s);if(Jt(i)){if(l==="")return e.forceBlockIndent=!0,Kt(r,e,t,s);if(a&&l===c)return Ce(i,e)}let f=i.replace(/\n+/g,`$&
${l}`);if(o){let u=p=>p.default&&p.tag!=="tag:yaml.org,2002:str"&&p.test?.test(f),{compat:m,tags:d}=e.doc.schema;if(d.some(u)||m?.some(u))return Ce(i,e)}return a?f:ce.foldFlowLines(f,l,ce.FOLD_FLOW,Ut(e,!1))}function gc(r,e,t,s){let{implicitKey:n,inFlow:i}=e,o=typeof r.value=="string"?r:Object.assign({},r,{value:String(r.value)}),{type:a}=r;a!==Q.Scalar.QUOTE_DOUBLE&&/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(o.value)&&(a=Q.Scalar.QUOTE_DOUBLE);let l=y=>{switch(y){case Q.Scalar.BLOCK_FOLDED:case Q.Scalar.BLOCK_LITERAL:return n||i?Ce(o.value,e):Kt(o,e,t,s);case Q.Scalar.QUOTE_DOUBLE:return tt(o.value,e);case Q.Scalar.QUOTE_SINGLE:return ns(o.value,e);case Q.Scalar.PLAIN:return hc(o,e,t,s);default:return null}},c=l(a);if(c===null){let{defaultKeyType:y,defaultStringType:f}=e.options,u=n&&y||f;if(c=l(u),c===null)throw new Error(`Unsupported default string type ${u}`)}return c}gi.stringifyString=gc});var st=w(os=>{"use strict";var _c=Dt(),ue=I(),bc=Ze(),Sc=rt();function kc(r,e){let t=Object.assign({blockQuote:!0,commentString:bc.stringifyComment,defaultKeyType:null,defaultStringType:"PLAIN",directives:null,doubleQuotedAsJSON:!1,doubleQuotedMinMultiLineLength:40,falseStr:"false",flowCollectionPadding:!0,indentSeq:!0,lineWidth:80,minContentWidth:20,nullStr:"null",simpleKeys:!1,singleQuote:null,trailingComma:!1,trueStr:"true",verifyAliasOrder:!0},r.schema.toStringOptions,e),s;switch(t.collectionStyle){case"block":s=!1;break;case"flow":s=!0;break;default:s=null}return{anchors:new Set,doc:r,flowCollectionPadding:t.flowCollectionPadding?" ":"",indent:"",indentStep:typeof t.indent=="number"?" ".repeat(t.indent):"  ",inFlow:s,options:t}}function wc(r,e){if(e.tag){let n=r.filter(i=>i.tag===e.tag);if(n.length>0)return n.find(i=>i.format===e.format)??n[0]}let t,s;if(ue.isScalar(e)){s=e.value;let n=r.filter(i=>i.identify?.(s));if(n.length>1){let i=n.filter(o=>o.test);i.length>0&&(n=i)}t=n.find(i=>i.format===e.format)??n.find(i=>!i.format)}else s=e,t=r.find(n=>n.nodeClass&&s instanceof n.nodeClass);if(!t){let n=s?.constructor?.name??(s===null?"null":typeof s);throw new Error(`Tag not resolved for ${n} value`)}return t}function vc(r,e,{anchors:t,doc:s}){if(!s.directives)return"";let n=[],i=(ue.isScalar(r)||ue.isCollection(r))&&r.anchor;i&&_c.anchorIsValid(i)&&(t.add(i),n.push(`&${i}`));let o=r.tag??(e.default?null:e.tag);return o&&n.push(s.directives.tagString(o)),n.join(" ")}function Ac(r,e,t,s){if(ue.isPair(r))return r.toString(e,t,s);if(ue.isAlias(r)){if(e.doc.directives)return r.toString(e);if(e.resolvedAliases?.has(r))throw new TypeError("Cannot stringify circular structure without alias nodes");e.resolvedAliases?e.resolvedAliases.add(r):e.resolvedAliases=new Set([r]),r=r.resolve(e.doc)}let n,i=ue.isNode(r)?r:e.doc.createNode(r,{onTagObj:l=>n=l});n??(n=wc(e.doc.schema.tags,i));let o=vc(i,n,e);o.length>0&&(e.indentAtStart=(e.indentAtStart??0)+o.length+1);let a=typeof n.stringify=="function"?n.stringify(i,e,t,s):ue.isScalar(i)?Sc.stringifyString(i,e,t,s):i.toString(e,t,s);return o?ue.isScalar(i)||a[0]==="{"||a[0]==="["?`${o} ${a}`:`${o}
${e.indent}${a}`:a}os.createStringifyContext=kc;os.stringify=Ac});var ki=w(Si=>{"use strict";var ie=I(),_i=P(),bi=st(),nt=Ze();function $c({key:r,value:e},t,s,n){let{allNullValues:i,doc:o,indent:a,indentStep:l,options:{commentString:c,indentSeq:y,simpleKeys:f}}=t,u=ie.isNode(r)&&r.comment||null;if(f){if(u)throw new Error("With simple keys, key nodes cannot have comments");if(ie.isCollection(r)||!ie.isNode(r)&&typeof r=="object"){let N="With simple keys, collection cannot be used as a key value";throw new Error(N)}}let m=!f&&(!r||u&&e==null&&!t.inFlow||ie.isCollection(r)||(ie.isScalar(r)?r.type===_i.Scalar.BLOCK_FOLDED||r.type===_i.Scalar.BLOCK_LITERAL:typeof r=="object"));t=Object.assign({},t,{allNullValues:!1,implicitKey:!m&&(f||!i),indent:a+l});let d=!1,p=!1,h=bi.stringify(r,t,()=>d=!0,()=>p=!0);if(!m&&!t.inFlow&&h.length>1024){if(f)throw new Error("With simple keys, single line scalar must not span more than 1024 characters");m=!0}if(t.inFlow){if(i||e==null)return d&&s&&s(),h===""?"?":m?`? ${h}`:h}else if(i&&!f||e==null&&m)return h=`? ${h}`,u&&!d?h+=nt.lineComment(h,t.indent,c(u)):p&&n&&n(),h;d&&(u=null),m?(u&&(h+=nt.lineComment(h,t.indent,c(u))),h=`? ${h}
${a}:`):(h=`${h}:`,u&&(h+=nt.lineComment(h,t.indent,c(u))));let g,k,v;ie.isNode(e)?(g=!!e.spaceBefore,k=e.commentBefore,v=e.comment):(g=!1,k=null,v=null,e&&typeof e=="object"&&(e=o.createNode(e))),t.implicitKey=!1,!m&&!u&&ie.isScalar(e)&&(t.indentAtStart=h.length+1),p=!1,!y&&l.length>=2&&!t.inFlow&&!m&&ie.isSeq(e)&&!e.flow&&!e.tag&&!e.anchor&&(t.indent=t.indent.substring(2));let A=!1,S=bi.stringify(e,t,()=>A=!0,()=>p=!0),_=" ";if(u||g||k){if(_=g?`
`:"",k){let N=c(k);_+=`
${nt.indentComment(N,t.indent)}`}S===""&&!t.inFlow?_===`
`&&v&&(_=`

`):_+=`
${t.indent}`}else if(!m&&ie.isCollection(e)){let N=S[0],b=S.indexOf(`
`),E=b!==-1,j=t.inFlow??e.flow??e.items.length===0;if(E||!j){let L=!1;if(E&&(N==="&"||N==="!")){let q=S.indexOf(" ");N==="&"&&q!==-1&&q<b&&S[q+1]==="!"&&(q=S.indexOf(" ",q+1)),(q===-1||b<q)&&(L=!0)}L||(_=`
${t.indent}`)}}else(S===""||S[0]===`
`)&&(_="");return h+=_+S,t.inFlow?A&&s&&s():v&&!A?h+=nt.lineComment(h,t.indent,c(v)):p&&n&&n(),h}Si.stringifyPair=$c});var ls=w(as=>{"use strict";var wi=Ct("process");function Oc(r,...e){r==="debug"&&console.log(...e)}function Nc(r,e){(r==="debug"||r==="warn")&&(typeof wi.emitWarning=="function"?wi.emitWarning(e):console.warn(e))}as.debug=Oc;as.warn=Nc});var Qt=w(zt=>{"use strict";var Ht=I(),vi=P(),Wt="<<",Gt={identify:r=>r===Wt||typeof r=="symbol"&&r.description===Wt,default:"key",tag:"tag:yaml.org,2002:merge",test:/^<<$/,resolve:()=>Object.assign(new vi.Scalar(Symbol(Wt)),{addToJSMap:Ai}),stringify:()=>Wt},Ec=(r,e)=>(Gt.identify(e)||Ht.isScalar(e)&&(!e.type||e.type===vi.Scalar.PLAIN)&&Gt.identify(e.value))&&r?.doc.schema.tags.some(t=>t.tag===Gt.tag&&t.default);function Ai(r,e,t){let s=$i(r,t);if(Ht.isSeq(s))for(let n of s.items)cs(r,e,n);else if(Array.isArray(s))for(let n of s)cs(r,e,n);else cs(r,e,s)}function cs(r,e,t){let s=$i(r,t);if(!Ht.isMap(s))throw new Error("Merge sources must be maps or map aliases");let n=s.toJSON(null,r,Map);for(let[i,o]of n)e instanceof Map?e.has(i)||e.set(i,o):e instanceof Set?e.add(i):Object.prototype.hasOwnProperty.call(e,i)||Object.defineProperty(e,i,{value:o,writable:!0,enumerable:!0,configurable:!0});return e}function $i(r,e){return r&&Ht.isAlias(e)?e.resolve(r.doc,r):e}zt.addMergeToJSMap=Ai;zt.isMergeKey=Ec;zt.merge=Gt});var fs=w(Ei=>{"use strict";var Ic=ls(),Oi=Qt(),Tc=st(),Ni=I(),us=ae();function qc(r,e,{key:t,value:s}){if(Ni.isNode(t)&&t.addToJSMap)t.addToJSMap(r,e,s);else if(Oi.isMergeKey(r,t))Oi.addMergeToJSMap(r,e,s);else{let n=us.toJS(t,"",r);if(e instanceof Map)e.set(n,us.toJS(s,n,r));else if(e instanceof Set)e.add(n);else{let i=Cc(t,n,r),o=us.toJS(s,i,r);i in e?Object.defineProperty(e,i,{value:o,writable:!0,enumerable:!0,configurable:!0}):e[i]=o}}return e}function Cc(r,e,t){if(e===null)return"";if(typeof e!="object")return String(e);if(Ni.isNode(r)&&t?.doc){let s=Tc.createStringifyContext(t.doc,{});s.anchors=new Set;for(let i of t.anchors.keys())s.anchors.add(i.anchor);s.inFlow=!0,s.inStringifyKey=!0;let n=r.toString(s);if(!t.mapKeyWarned){let i=JSON.stringify(n);i.length>40&&(i=i.substring(0,36)+'..."'),Ic.warn(t.doc.options.logLevel,`Keys with collection values will be stringified due to JS Object restrictions: ${i}. Set mapAsMap: true to use object keys.`),t.mapKeyWarned=!0}return n}return JSON.stringify(e)}Ei.addPairToJSMap=qc});var fe=w(ps=>{"use strict";var Ii=Xe(),Lc=ki(),Pc=fs(),Xt=I();function Mc(r,e,t){let s=Ii.createNode(r,void 0,t),n=Ii.createNode(e,void 0,t);return new Zt(s,n)}var Zt=class r{constructor(e,t=null){Object.defineProperty(this,Xt.NODE_TYPE,{value:Xt.PAIR}),this.key=e,this.value=t}clone(e){let{key:t,value:s}=this;return Xt.isNode(t)&&(t=t.clone(e)),Xt.isNode(s)&&(s=s.clone(e)),new r(t,s)}toJSON(e,t){let s=t?.mapAsMap?new Map:{};return Pc.addPairToJSMap(t,s,this)}toString(e,t,s){return e?.doc?Lc.stringifyPair(this,e,t,s):JSON.stringify(this)}};ps.Pair=Zt;ps.createPair=Mc});var ds=w(qi=>{"use strict";var ke=I(),Ti=st(),er=Ze();function Rc(r,e,t){return(e.inFlow??r.flow?xc:Dc)(r,e,t)}function Dc({comment:r,items:e},t,{blockItemPrefix:s,flowChars:n,itemIndent:i,onChompKeep:o,onComment:a}){let{indent:l,options:{commentString:c}}=t,y=Object.assign({},t,{indent:i,type:null}),f=!1,u=[];for(let d=0;d<e.length;++d){let p=e[d],h=null;if(ke.isNode(p))!f&&p.spaceBefore&&u.push(""),tr(t,u,p.commentBefore,f),p.comment&&(h=p.comment);else if(ke.isPair(p)){let k=ke.isNode(p.key)?p.key:null;k&&(!f&&k.spaceBefore&&u.push(""),tr(t,u,k.commentBefore,f))}f=!1;let g=Ti.stringify(p,y,()=>h=null,()=>f=!0);h&&(g+=er.lineComment(g,i,c(h))),f&&h&&(f=!1),u.push(s+g)}let m;if(u.length===0)m=n.start+n.end;else{m=u[0];for(let d=1;d<u.length;++d){let p=u[d];m+=p?`
${l}${p}`:`
`}}return r?(m+=`
`+er.indentComment(c(r),l),a&&a()):f&&o&&o(),m}function xc({items:r},e,{flowChars:t,itemIndent:s}){let{indent:n,indentStep:i,flowCollectionPadding:o,options:{commentString:a}}=e;s+=i;let l=Object.assign({},e,{indent:s,inFlow:!0,type:null}),c=!1,y=0,f=[];for(let d=0;d<r.length;++d){let p=r[d],h=null;if(ke.isNode(p))p.spaceBefore&&f.push(""),tr(e,f,p.commentBefore,!1),p.comment&&(h=p.comment);else if(ke.isPair(p)){let k=ke.isNode(p.key)?p.key:null;k&&(k.spaceBefore&&f.push(""),tr(e,f,k.commentBefore,!1),k.comment&&(c=!0));let v=ke.isNode(p.value)?p.value:null;v?(v.comment&&(h=v.comment),v.commentBefore&&(c=!0)):p.value==null&&k?.comment&&(h=k.comment)}h&&(c=!0);let g=Ti.stringify(p,l,()=>h=null);c||(c=f.length>y||g.includes(`
`)),d<r.length-1?g+=",":e.options.trailingComma&&(e.options.lineWidth>0&&(c||(c=f.reduce((k,v)=>k+v.length+2,2)+(g.length+2)>e.options.lineWidth)),c&&(g+=",")),h&&(g+=er.lineComment(g,s,a(h))),f.push(g),y=f.length}let{start:u,end:m}=t;if(f.length===0)return u+m;if(!c){let d=f.reduce((p,h)=>p+h.length+2,2);c=e.options.lineWidth>0&&d>e.options.lineWidth}if(c){let d=u;for(let p of f)d+=p?`
${i}${n}${p}`:`
`;return`${d}
${n}${m}`}else return`${u}${o}${f.join(" ")}${o}${m}`}function tr({indent:r,options:{commentString:e}},t,s,n){if(s&&n&&(s=s.replace(/^\n+/,"")),s){let i=er.indentComment(e(s),r);t.push(i.trimStart())}}qi.stringifyCollection=Rc});var de=w(ys=>{"use strict";var Yc=ds(),jc=fs(),Bc=Bt(),pe=I(),rr=fe(),Fc=P();function it(r,e){let t=pe.isScalar(e)?e.value:e;for(let s of r)if(pe.isPair(s)&&(s.key===e||s.key===t||pe.isScalar(s.key)&&s.key.value===t))return s}var ms=class extends Bc.Collection{static get tagName(){return"tag:yaml.org,2002:map"}constructor(e){super(pe.MAP,e),this.items=[]}static from(e,t,s){let{keepUndefined:n,replacer:i}=s,o=new this(e),a=(l,c)=>{if(typeof i=="function")c=i.call(t,l,c);else if(Array.isArray(i)&&!i.includes(l))return;(c!==void 0||n)&&o.items.push(rr.createPair(l,c,s))};if(t instanceof Map)for(let[l,c]of t)a(l,c);else if(t&&typeof t=="object")for(let l of Object.keys(t))a(l,t[l]);return typeof e.sortMapEntries=="function"&&o.items.sort(e.sortMapEntries),o}add(e,t){let s;pe.isPair(e)?s=e:!e||typeof e!="object"||!("key"in e)?s=new rr.Pair(e,e?.value):s=new rr.Pair(e.key,e.value);let n=it(this.items,s.key),i=this.schema?.sortMapEntries;if(n){if(!t)throw new Error(`Key ${s.key} already set`);pe.isScalar(n.value)&&Fc.isScalarValue(s.value)?n.value.value=s.value:n.value=s.value}else if(i){let o=this.items.findIndex(a=>i(s,a)<0);o===-1?this.items.push(s):this.items.splice(o,0,s)}else this.items.push(s)}delete(e){let t=it(this.items,e);return t?this.items.splice(this.items.indexOf(t),1).length>0:!1}get(e,t){let n=it(this.items,e)?.value;return(!t&&pe.isScalar(n)?n.value:n)??void 0}has(e){return!!it(this.items,e)}set(e,t){this.add(new rr.Pair(e,t),!0)}toJSON(e,t,s){let n=s?new s:t?.mapAsMap?new Map:{};t?.onCreate&&t.onCreate(n);for(let i of this.items)jc.addPairToJSMap(t,n,i);return n}toString(e,t,s){if(!e)return JSON.stringify(this);for(let n of this.items)if(!pe.isPair(n))throw new Error(`Map items must all be pairs; found ${JSON.stringify(n)} instead`);return!e.allNullValues&&this.hasAllNullValues(!1)&&(e=Object.assign({},e,{allNullValues:!0})),Yc.stringifyCollection(this,e,{blockItemPrefix:"",flowChars:{start:"{",end:"}"},itemIndent:e.indent||"",onChompKeep:s,onComment:t})}};ys.YAMLMap=ms;ys.findPair=it});var Le=w(Li=>{"use strict";var Vc=I(),Ci=de(),Kc={collection:"map",default:!0,nodeClass:Ci.YAMLMap,tag:"tag:yaml.org,2002:map",resolve(r,e){return Vc.isMap(r)||e("Expected a mapping for this tag"),r},createNode:(r,e,t)=>Ci.YAMLMap.from(r,e,t)};Li.map=Kc});var me=w(Pi=>{"use strict";var Uc=Xe(),Jc=ds(),Wc=Bt(),nr=I(),Gc=P(),Hc=ae(),hs=class extends Wc.Collection{static get tagName(){return"tag:yaml.org,2002:seq"}constructor(e){super(nr.SEQ,e),this.items=[]}add(e){this.items.push(e)}delete(e){let t=sr(e);return typeof t!="number"?!1:this.items.splice(t,1).length>0}get(e,t){let s=sr(e);if(typeof s!="number")return;let n=this.items[s];return!t&&nr.isScalar(n)?n.value:n}has(e){let t=sr(e);return typeof t=="number"&&t<this.items.length}set(e,t){let s=sr(e);if(typeof s!="number")throw new Error(`Expected a valid index, not ${e}.`);let n=this.items[s];nr.isScalar(n)&&Gc.isScalarValue(t)?n.value=t:this.items[s]=t}toJSON(e,t){let s=[];t?.onCreate&&t.onCreate(s);let n=0;for(let i of this.items)s.push(Hc.toJS(i,String(n++),t));return s}toString(e,t,s){return e?Jc.stringifyCollection(this,e,{blockItemPrefix:"- ",flowChars:{start:"[",end:"]"},itemIndent:(e.indent||"")+"  ",onChompKeep:s,onComment:t}):JSON.stringify(this)}static from(e,t,s){let{replacer:n}=s,i=new this(e);if(t&&Symbol.iterator in Object(t)){let o=0;for(let a of t){if(typeof n=="function"){let l=t instanceof Set?a:String(o++);a=n.call(t,l,a)}i.items.push(Uc.createNode(a,void 0,s))}}return i}};function sr(r){let e=nr.isScalar(r)?r.value:r;return e&&typeof e=="string"&&(e=Number(e)),typeof e=="number"&&Number.isInteger(e)&&e>=0?e:null}Pi.YAMLSeq=hs});var Pe=w(Ri=>{"use strict";var zc=I(),Mi=me(),Qc={collection:"seq",default:!0,nodeClass:Mi.YAMLSeq,tag:"tag:yaml.org,2002:seq",resolve(r,e){return zc.isSeq(r)||e("Expected a sequence for this tag"),r},createNode:(r,e,t)=>Mi.YAMLSeq.from(r,e,t)};Ri.seq=Qc});var ot=w(Di=>{"use strict";var Xc=rt(),Zc={identify:r=>typeof r=="string",default:!0,tag:"tag:yaml.org,2002:str",resolve:r=>r,stringify(r,e,t,s){return e=Object.assign({actualString:!0},e),Xc.stringifyString(r,e,t,s)}};Di.string=Zc});var ir=w(ji=>{"use strict";var xi=P(),Yi={identify:r=>r==null,createNode:()=>new xi.Scalar(null),default:!0,tag:"tag:yaml.org,2002:null",test:/^(?:~|[Nn]ull|NULL)?$/,resolve:()=>new xi.Scalar(null),stringify:({source:r},e)=>typeof r=="string"&&Yi.test.test(r)?r:e.options.nullStr};ji.nullTag=Yi});var gs=w(Fi=>{"use strict";var eu=P(),Bi={identify:r=>typeof r=="boolean",default:!0,tag:"tag:yaml.org,2002:bool",test:/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,resolve:r=>new eu.Scalar(r[0]==="t"||r[0]==="T"),stringify({source:r,value:e},t){if(r&&Bi.test.test(r)){let s=r[0]==="t"||r[0]==="T";if(e===s)return r}return e?t.options.trueStr:t.options.falseStr}};Fi.boolTag=Bi});var Me=w(Vi=>{"use strict";function tu({format:r,minFractionDigits:e,tag:t,value:s}){if(typeof s=="bigint")return String(s);let n=typeof s=="number"?s:Number(s);if(!isFinite(n))return isNaN(n)?".nan":n<0?"-.inf":".inf";let i=Object.is(s,-0)?"-0":JSON.stringify(s);if(!r&&e&&(!t||t==="tag:yaml.org,2002:float")&&/^-?\d/.test(i)&&!i.includes("e")){let o=i.indexOf(".");o<0&&(o=i.length,i+=".");let a=e-(i.length-o-1);for(;a-- >0;)i+="0"}return i}Vi.stringifyNumber=tu});var bs=w(or=>{"use strict";var ru=P(),_s=Me(),su={identify:r=>typeof r=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,resolve:r=>r.slice(-3).toLowerCase()==="nan"?NaN:r[0]==="-"?Number.NEGATIVE_INFINITY:Number.POSITIVE_INFINITY,stringify:_s.stringifyNumber},nu={identify:r=>typeof r=="number",default:!0,tag:"tag:yaml.org,2002:float",format:"EXP",test:/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,resolve:r=>parseFloat(r),stringify(r){let e=Number(r.value);return isFinite(e)?e.toExponential():_s.stringifyNumber(r)}},iu={identify:r=>typeof r=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,resolve(r){let e=new ru.Scalar(parseFloat(r)),t=r.indexOf(".");return t!==-1&&r[r.length-1]==="0"&&(e.minFractionDigits=r.length-t-1),e},stringify:_s.stringifyNumber};or.float=iu;or.floatExp=nu;or.floatNaN=su});var ks=w(lr=>{"use strict";var Ki=Me(),ar=r=>typeof r=="bigint"||Number.isInteger(r),Ss=(r,e,t,{intAsBigInt:s})=>s?BigInt(r):parseInt(r.substring(e),t);function Ui(r,e,t){let{value:s}=r;return ar(s)&&s>=0?t+s.toString(e):Ki.stringifyNumber(r)}var ou={identify:r=>ar(r)&&r>=0,default:!0,tag:"tag:yaml.org,2002:int",format:"OCT",test:/^0o[0-7]+$/,resolve:(r,e,t)=>Ss(r,2,8,t),stringify:r=>Ui(r,8,"0o")},au={identify:ar,default:!0,tag:"tag:yaml.org,2002:int",test:/^[-+]?[0-9]+$/,resolve:(r,e,t)=>Ss(r,0,10,t),stringify:Ki.stringifyNumber},lu={identify:r=>ar(r)&&r>=0,default:!0,tag:"tag:yaml.org,2002:int",format:"HEX",test:/^0x[0-9a-fA-F]+$/,resolve:(r,e,t)=>Ss(r,2,16,t),stringify:r=>Ui(r,16,"0x")};lr.int=au;lr.intHex=lu;lr.intOct=ou});var Wi=w(Ji=>{"use strict";var cu=Le(),uu=ir(),fu=Pe(),pu=ot(),du=gs(),ws=bs(),vs=ks(),mu=[cu.map,fu.seq,pu.string,uu.nullTag,du.boolTag,vs.intOct,vs.int,vs.intHex,ws.floatNaN,ws.floatExp,ws.float];Ji.schema=mu});var zi=w(Hi=>{"use strict";var yu=P(),hu=Le(),gu=Pe();function Gi(r){return typeof r=="bigint"||Number.isInteger(r)}var cr=({value:r})=>JSON.stringify(r),_u=[{identify:r=>typeof r=="string",default:!0,tag:"tag:yaml.org,2002:str",resolve:r=>r,stringify:cr},{identify:r=>r==null,createNode:()=>new yu.Scalar(null),default:!0,tag:"tag:yaml.org,2002:null",test:/^null$/,resolve:()=>null,stringify:cr},{identify:r=>typeof r=="boolean",default:!0,tag:"tag:yaml.org,2002:bool",test:/^true$|^false$/,resolve:r=>r==="true",stringify:cr},{identify:Gi,default:!0,tag:"tag:yaml.org,2002:int",test:/^-?(?:0|[1-9][0-9]*)$/,resolve:(r,e,{intAsBigInt:t})=>t?BigInt(r):parseInt(r,10),stringify:({value:r})=>Gi(r)?r.toString():JSON.stringify(r)},{identify:r=>typeof r=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,resolve:r=>parseFloat(r),stringify:cr}],bu={default:!0,tag:"",test:/^/,resolve(r,e){return e(`Unresolved plain scalar ${JSON.stringify(r)}`),r}},Su=[hu.map,gu.seq].concat(_u,bu);Hi.schema=Su});var $s=w(Qi=>{"use strict";var at=Ct("buffer"),As=P(),ku=rt(),wu={identify:r=>r instanceof Uint8Array,default:!1,tag:"tag:yaml.org,2002:binary",resolve(r,e){if(typeof at.Buffer=="function")return at.Buffer.from(r,"base64");if(typeof atob=="function"){let t=atob(r.replace(/[\n\r]/g,"")),s=new Uint8Array(t.length);for(let n=0;n<t.length;++n)s[n]=t.charCodeAt(n);return s}else return e("This environment does not support reading binary tags; either Buffer or atob is required"),r},stringify({comment:r,type:e,value:t},s,n,i){if(!t)return"";let o=t,a;if(typeof at.Buffer=="function")a=o instanceof at.Buffer?o.toString("base64"):at.Buffer.from(o.buffer).toString("base64");else if(typeof btoa=="function"){let l="";for(let c=0;c<o.length;++c)l+=String.fromCharCode(o[c]);a=btoa(l)}else throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");if(e??(e=As.Scalar.BLOCK_LITERAL),e!==As.Scalar.QUOTE_DOUBLE){let l=Math.max(s.options.lineWidth-s.indent.length,s.options.minContentWidth),c=Math.ceil(a.length/l),y=new Array(c);for(let f=0,u=0;f<c;++f,u+=l)y[f]=a.substr(u,l);a=y.join(e===As.Scalar.BLOCK_LITERAL?`
`:" ")}return ku.stringifyString({comment:r,type:e,value:a},s,n,i)}};Qi.binary=wu});var pr=w(fr=>{"use strict";var ur=I(),Os=fe(),vu=P(),Au=me();function Xi(r,e){if(ur.isSeq(r))for(let t=0;t<r.items.length;++t){let s=r.items[t];if(!ur.isPair(s)){if(ur.isMap(s)){s.items.length>1&&e("Each pair must have its own sequence indicator");let n=s.items[0]||new Os.Pair(new vu.Scalar(null));if(s.commentBefore&&(n.key.commentBefore=n.key.commentBefore?`${s.commentBefore}
${n.key.commentBefore}`:s.commentBefore),s.comment){let i=n.value??n.key;i.comment=i.comment?`${s.comment}
${i.comment}`:s.comment}s=n}r.items[t]=ur.isPair(s)?s:new Os.Pair(s)}}else e("Expected a sequence for this tag");return r}function Zi(r,e,t){let{replacer:s}=t,n=new Au.YAMLSeq(r);n.tag="tag:yaml.org,2002:pairs";let i=0;if(e&&Symbol.iterator in Object(e))for(let o of e){typeof s=="function"&&(o=s.call(e,String(i++),o));let a,l;if(Array.isArray(o))if(o.length===2)a=o[0],l=o[1];else throw new TypeError(`Expected [key, value] tuple: ${o}`);else if(o&&o instanceof Object){let c=Object.keys(o);if(c.length===1)a=c[0],l=o[a];else throw new TypeError(`Expected tuple with one key, not ${c.length} keys`)}else a=o;n.items.push(Os.createPair(a,l,t))}return n}var $u={collection:"seq",default:!1,tag:"tag:yaml.org,2002:pairs",resolve:Xi,createNode:Zi};fr.createPairs=Zi;fr.pairs=$u;fr.resolvePairs=Xi});var Is=w(Es=>{"use strict";var eo=I(),Ns=ae(),lt=de(),Ou=me(),to=pr(),we=class r extends Ou.YAMLSeq{constructor(){super(),this.add=lt.YAMLMap.prototype.add.bind(this),this.delete=lt.YAMLMap.prototype.delete.bind(this),this.get=lt.YAMLMap.prototype.get.bind(this),this.has=lt.YAMLMap.prototype.has.bind(this),this.set=lt.YAMLMap.prototype.set.bind(this),this.tag=r.tag}toJSON(e,t){if(!t)return super.toJSON(e);let s=new Map;t?.onCreate&&t.onCreate(s);for(let n of this.items){let i,o;if(eo.isPair(n)?(i=Ns.toJS(n.key,"",t),o=Ns.toJS(n.value,i,t)):i=Ns.toJS(n,"",t),s.has(i))throw new Error("Ordered maps must not include duplicate keys");s.set(i,o)}return s}static from(e,t,s){let n=to.createPairs(e,t,s),i=new this;return i.items=n.items,i}};we.tag="tag:yaml.org,2002:omap";var Nu={collection:"seq",identify:r=>r instanceof Map,nodeClass:we,default:!1,tag:"tag:yaml.org,2002:omap",resolve(r,e){let t=to.resolvePairs(r,e),s=[];for(let{key:n}of t.items)eo.isScalar(n)&&(s.includes(n.value)?e(`Ordered maps must not include duplicate keys: ${n.value}`):s.push(n.value));return Object.assign(new we,t)},createNode:(r,e,t)=>we.from(r,e,t)};Es.YAMLOMap=we;Es.omap=Nu});var oo=w(Ts=>{"use strict";var ro=P();function so({value:r,source:e},t){return e&&(r?no:io).test.test(e)?e:r?t.options.trueStr:t.options.falseStr}var no={identify:r=>r===!0,default:!0,tag:"tag:yaml.org,2002:bool",test:/^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,resolve:()=>new ro.Scalar(!0),stringify:so},io={identify:r=>r===!1,default:!0,tag:"tag:yaml.org,2002:bool",test:/^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,resolve:()=>new ro.Scalar(!1),stringify:so};Ts.falseTag=io;Ts.trueTag=no});var ao=w(dr=>{"use strict";var Eu=P(),qs=Me(),Iu={identify:r=>typeof r=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,resolve:r=>r.slice(-3).toLowerCase()==="nan"?NaN:r[0]==="-"?Number.NEGATIVE_INFINITY:Number.POSITIVE_INFINITY,stringify:qs.stringifyNumber},Tu={identify:r=>typeof r=="number",default:!0,tag:"tag:yaml.org,2002:float",format:"EXP",test:/^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,resolve:r=>parseFloat(r.replace(/_/g,"")),stringify(r){let e=Number(r.value);return isFinite(e)?e.toExponential():qs.stringifyNumber(r)}},qu={identify:r=>typeof r=="number",default:!0,tag:"tag:yaml.org,2002:float",test:/^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,resolve(r){let e=new Eu.Scalar(parseFloat(r.replace(/_/g,""))),t=r.indexOf(".");if(t!==-1){let s=r.substring(t+1).replace(/_/g,"");s[s.length-1]==="0"&&(e.minFractionDigits=s.length)}return e},stringify:qs.stringifyNumber};dr.float=qu;dr.floatExp=Tu;dr.floatNaN=Iu});var co=w(ut=>{"use strict";var lo=Me(),ct=r=>typeof r=="bigint"||Number.isInteger(r);function mr(r,e,t,{intAsBigInt:s}){let n=r[0];if((n==="-"||n==="+")&&(e+=1),r=r.substring(e).replace(/_/g,""),s){switch(t){case 2:r=`0b${r}`;break;case 8:r=`0o${r}`;break;case 16:r=`0x${r}`;break}let o=BigInt(r);return n==="-"?BigInt(-1)*o:o}let i=parseInt(r,t);return n==="-"?-1*i:i}function Cs(r,e,t){let{value:s}=r;if(ct(s)){let n=s.toString(e);return s<0?"-"+t+n.substr(1):t+n}return lo.stringifyNumber(r)}var Cu={identify:ct,default:!0,tag:"tag:yaml.org,2002:int",format:"BIN",test:/^[-+]?0b[0-1_]+$/,resolve:(r,e,t)=>mr(r,2,2,t),stringify:r=>Cs(r,2,"0b")},Lu={identify:ct,default:!0,tag:"tag:yaml.org,2002:int",format:"OCT",test:/^[-+]?0[0-7_]+$/,resolve:(r,e,t)=>mr(r,1,8,t),stringify:r=>Cs(r,8,"0")},Pu={identify:ct,default:!0,tag:"tag:yaml.org,2002:int",test:/^[-+]?[0-9][0-9_]*$/,resolve:(r,e,t)=>mr(r,0,10,t),stringify:lo.stringifyNumber},Mu={identify:ct,default:!0,tag:"tag:yaml.org,2002:int",format:"HEX",test:/^[-+]?0x[0-9a-fA-F_]+$/,resolve:(r,e,t)=>mr(r,2,16,t),stringify:r=>Cs(r,16,"0x")};ut.int=Pu;ut.intBin=Cu;ut.intHex=Mu;ut.intOct=Lu});var Ps=w(Ls=>{"use strict";var gr=I(),yr=fe(),hr=de(),ve=class r extends hr.YAMLMap{constructor(e){super(e),this.tag=r.tag}add(e){let t;gr.isPair(e)?t=e:e&&typeof e=="object"&&"key"in e&&"value"in e&&e.value===null?t=new yr.Pair(e.key,null):t=new yr.Pair(e,null),hr.findPair(this.items,t.key)||this.items.push(t)}get(e,t){let s=hr.findPair(this.items,e);return!t&&gr.isPair(s)?gr.isScalar(s.key)?s.key.value:s.key:s}set(e,t){if(typeof t!="boolean")throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof t}`);let s=hr.findPair(this.items,e);s&&!t?this.items.splice(this.items.indexOf(s),1):!s&&t&&this.items.push(new yr.Pair(e))}toJSON(e,t){return super.toJSON(e,t,Set)}toString(e,t,s){if(!e)return JSON.stringify(this);if(this.hasAllNullValues(!0))return super.toString(Object.assign({},e,{allNullValues:!0}),t,s);throw new Error("Set items must all have null values")}static from(e,t,s){let{replacer:n}=s,i=new this(e);if(t&&Symbol.iterator in Object(t))for(let o of t)typeof n=="function"&&(o=n.call(t,o,o)),i.items.push(yr.createPair(o,null,s));return i}};ve.tag="tag:yaml.org,2002:set";var Ru={collection:"map",identify:r=>r instanceof Set,nodeClass:ve,default:!1,tag:"tag:yaml.org,2002:set",createNode:(r,e,t)=>ve.from(r,e,t),resolve(r,e){if(gr.isMap(r)){if(r.hasAllNullValues(!0))return Object.assign(new ve,r);e("Set items must all have null values")}else e("Expected a mapping for this tag");return r}};Ls.YAMLSet=ve;Ls.set=Ru});var Rs=w(_r=>{"use strict";var Du=Me();function Ms(r,e){let t=r[0],s=t==="-"||t==="+"?r.substring(1):r,n=o=>e?BigInt(o):Number(o),i=s.replace(/_/g,"").split(":").reduce((o,a)=>o*n(60)+n(a),n(0));return t==="-"?n(-1)*i:i}function uo(r){let{value:e}=r,t=o=>o;if(typeof e=="bigint")t=o=>BigInt(o);else if(isNaN(e)||!isFinite(e))return Du.stringifyNumber(r);let s="";e<0&&(s="-",e*=t(-1));let n=t(60),i=[e%n];return e<60?i.unshift(0):(e=(e-i[0])/n,i.unshift(e%n),e>=60&&(e=(e-i[0])/n,i.unshift(e))),s+i.map(o=>String(o).padStart(2,"0")).join(":").replace(/000000\d*$/,"")}var xu={identify:r=>typeof r=="bigint"||Number.isInteger(r),default:!0,tag:"tag:yaml.org,2002:int",format:"TIME",test:/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,resolve:(r,e,{intAsBigInt:t})=>Ms(r,t),stringify:uo},Yu={identify:r=>typeof r=="number",default:!0,tag:"tag:yaml.org,2002:float",format:"TIME",test:/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,resolve:r=>Ms(r,!1),stringify:uo},fo={identify:r=>r instanceof Date,default:!0,tag:"tag:yaml.org,2002:timestamp",test:RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),resolve(r){let e=r.match(fo.test);if(!e)throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");let[,t,s,n,i,o,a]=e.map(Number),l=e[7]?Number((e[7]+"00").substr(1,3)):0,c=Date.UTC(t,s-1,n,i||0,o||0,a||0,l),y=e[8];if(y&&y!=="Z"){let f=Ms(y,!1);Math.abs(f)<30&&(f*=60),c-=6e4*f}return new Date(c)},stringify:({value:r})=>r?.toISOString().replace(/(T00:00:00)?\.000Z$/,"")??""};_r.floatTime=Yu;_r.intTime=xu;_r.timestamp=fo});var yo=w(mo=>{"use strict";var ju=Le(),Bu=ir(),Fu=Pe(),Vu=ot(),Ku=$s(),po=oo(),Ds=ao(),br=co(),Uu=Qt(),Ju=Is(),Wu=pr(),Gu=Ps(),xs=Rs(),Hu=[ju.map,Fu.seq,Vu.string,Bu.nullTag,po.trueTag,po.falseTag,br.intBin,br.intOct,br.int,br.intHex,Ds.floatNaN,Ds.floatExp,Ds.float,Ku.binary,Uu.merge,Ju.omap,Wu.pairs,Gu.set,xs.intTime,xs.floatTime,xs.timestamp];mo.schema=Hu});var $o=w(Bs=>{"use strict";var bo=Le(),zu=ir(),So=Pe(),Qu=ot(),Xu=gs(),Ys=bs(),js=ks(),Zu=Wi(),ef=zi(),ko=$s(),ft=Qt(),wo=Is(),vo=pr(),ho=yo(),Ao=Ps(),Sr=Rs(),go=new Map([["core",Zu.schema],["failsafe",[bo.map,So.seq,Qu.string]],["json",ef.schema],["yaml11",ho.schema],["yaml-1.1",ho.schema]]),_o={binary:ko.binary,bool:Xu.boolTag,float:Ys.float,floatExp:Ys.floatExp,floatNaN:Ys.floatNaN,floatTime:Sr.floatTime,int:js.int,intHex:js.intHex,intOct:js.intOct,intTime:Sr.intTime,map:bo.map,merge:ft.merge,null:zu.nullTag,omap:wo.omap,pairs:vo.pairs,seq:So.seq,set:Ao.set,timestamp:Sr.timestamp},tf={"tag:yaml.org,2002:binary":ko.binary,"tag:yaml.org,2002:merge":ft.merge,"tag:yaml.org,2002:omap":wo.omap,"tag:yaml.org,2002:pairs":vo.pairs,"tag:yaml.org,2002:set":Ao.set,"tag:yaml.org,2002:timestamp":Sr.timestamp};function rf(r,e,t){let s=go.get(e);if(s&&!r)return t&&!s.includes(ft.merge)?s.concat(ft.merge):s.slice();let n=s;if(!n)if(Array.isArray(r))n=[];else{let i=Array.from(go.keys()).filter(o=>o!=="yaml11").map(o=>JSON.stringify(o)).join(", ");throw new Error(`Unknown schema "${e}"; use one of ${i} or define customTags array`)}if(Array.isArray(r))for(let i of r)n=n.concat(i);else typeof r=="function"&&(n=r(n.slice()));return t&&(n=n.concat(ft.merge)),n.reduce((i,o)=>{let a=typeof o=="string"?_o[o]:o;if(!a){let l=JSON.stringify(o),c=Object.keys(_o).map(y=>JSON.stringify(y)).join(", ");throw new Error(`Unknown custom tag ${l}; use one of ${c}`)}return i.includes(a)||i.push(a),i},[])}Bs.coreKnownTags=tf;Bs.getTags=rf});var Ks=w(Oo=>{"use strict";var Fs=I(),sf=Le(),nf=Pe(),of=ot(),kr=$o(),af=(r,e)=>r.key<e.key?-1:r.key>e.key?1:0,Vs=class r{constructor({compat:e,customTags:t,merge:s,resolveKnownTags:n,schema:i,sortMapEntries:o,toStringDefaults:a}){this.compat=Array.isArray(e)?kr.getTags(e,"compat"):e?kr.getTags(null,e):null,this.name=typeof i=="string"&&i||"core",this.knownTags=n?kr.coreKnownTags:{},this.tags=kr.getTags(t,this.name,s),this.toStringOptions=a??null,Object.defineProperty(this,Fs.MAP,{value:sf.map}),Object.defineProperty(this,Fs.SCALAR,{value:of.string}),Object.defineProperty(this,Fs.SEQ,{value:nf.seq}),this.sortMapEntries=typeof o=="function"?o:o===!0?af:null}clone(){let e=Object.create(r.prototype,Object.getOwnPropertyDescriptors(this));return e.tags=this.tags.slice(),e}};Oo.Schema=Vs});var Eo=w(No=>{"use strict";var lf=I(),Us=st(),pt=Ze();function cf(r,e){let t=[],s=e.directives===!0;if(e.directives!==!1&&r.directives){let l=r.directives.toString(r);l?(t.push(l),s=!0):r.directives.docStart&&(s=!0)}s&&t.push("---");let n=Us.createStringifyContext(r,e),{commentString:i}=n.options;if(r.commentBefore){t.length!==1&&t.unshift("");let l=i(r.commentBefore);t.unshift(pt.indentComment(l,""))}let o=!1,a=null;if(r.contents){if(lf.isNode(r.contents)){if(r.contents.spaceBefore&&s&&t.push(""),r.contents.commentBefore){let y=i(r.contents.commentBefore);t.push(pt.indentComment(y,""))}n.forceBlockIndent=!!r.comment,a=r.contents.comment}let l=a?void 0:()=>o=!0,c=Us.stringify(r.contents,n,()=>a=null,l);a&&(c+=pt.lineComment(c,"",i(a))),(c[0]==="|"||c[0]===">")&&t[t.length-1]==="---"?t[t.length-1]=`--- ${c}`:t.push(c)}else t.push(Us.stringify(r.contents,n));if(r.directives?.docEnd)if(r.comment){let l=i(r.comment);l.includes(`
`)?(t.push("..."),t.push(pt.indentComment(l,""))):t.push(`... ${l}`)}else t.push("...");else{let l=r.comment;l&&o&&(l=l.replace(/^\n+/,"")),l&&((!o||a)&&t[t.length-1]!==""&&t.push(""),t.push(pt.indentComment(i(l),"")))}return t.join(`
`)+`
`}No.stringifyDocument=cf});var dt=w(Io=>{"use strict";var uf=Qe(),Re=Bt(),W=I(),ff=fe(),pf=ae(),df=Ks(),mf=Eo(),Js=Dt(),yf=zr(),hf=Xe(),Ws=Hr(),Gs=class r{constructor(e,t,s){this.commentBefore=null,this.comment=null,this.errors=[],this.warnings=[],Object.defineProperty(this,W.NODE_TYPE,{value:W.DOC});let n=null;typeof t=="function"||Array.isArray(t)?n=t:s===void 0&&t&&(s=t,t=void 0);let i=Object.assign({intAsBigInt:!1,keepSourceTokens:!1,logLevel:"warn",prettyErrors:!0,strict:!0,stringKeys:!1,uniqueKeys:!0,version:"1.2"},s);this.options=i;let{version:o}=i;s?._directives?(this.directives=s._directives.atDocument(),this.directives.yaml.explicit&&(o=this.directives.yaml.version)):this.directives=new Ws.Directives({version:o}),this.setSchema(o,s),this.contents=e===void 0?null:this.createNode(e,n,s)}clone(){let e=Object.create(r.prototype,{[W.NODE_TYPE]:{value:W.DOC}});return e.commentBefore=this.commentBefore,e.comment=this.comment,e.errors=this.errors.slice(),e.warnings=this.warnings.slice(),e.options=Object.assign({},this.options),this.directives&&(e.directives=this.directives.clone()),e.schema=this.schema.clone(),e.contents=W.isNode(this.contents)?this.contents.clone(e.schema):this.contents,this.range&&(e.range=this.range.slice()),e}add(e){De(this.contents)&&this.contents.add(e)}addIn(e,t){De(this.contents)&&this.contents.addIn(e,t)}createAlias(e,t){if(!e.anchor){let s=Js.anchorNames(this);e.anchor=!t||s.has(t)?Js.findNewAnchor(t||"a",s):t}return new uf.Alias(e.anchor)}createNode(e,t,s){let n;if(typeof t=="function")e=t.call({"":e},"",e),n=t;else if(Array.isArray(t)){let h=k=>typeof k=="number"||k instanceof String||k instanceof Number,g=t.filter(h).map(String);g.length>0&&(t=t.concat(g)),n=t}else s===void 0&&t&&(s=t,t=void 0);let{aliasDuplicateObjects:i,anchorPrefix:o,flow:a,keepUndefined:l,onTagObj:c,tag:y}=s??{},{onAnchor:f,setAnchors:u,sourceObjects:m}=Js.createNodeAnchors(this,o||"a"),d={aliasDuplicateObjects:i??!0,keepUndefined:l??!1,onAnchor:f,onTagObj:c,replacer:n,schema:this.schema,sourceObjects:m},p=hf.createNode(e,y,d);return a&&W.isCollection(p)&&(p.flow=!0),u(),p}createPair(e,t,s={}){let n=this.createNode(e,null,s),i=this.createNode(t,null,s);return new ff.Pair(n,i)}delete(e){return De(this.contents)?this.contents.delete(e):!1}deleteIn(e){return Re.isEmptyPath(e)?this.contents==null?!1:(this.contents=null,!0):De(this.contents)?this.contents.deleteIn(e):!1}get(e,t){return W.isCollection(this.contents)?this.contents.get(e,t):void 0}getIn(e,t){return Re.isEmptyPath(e)?!t&&W.isScalar(this.contents)?this.contents.value:this.contents:W.isCollection(this.contents)?this.contents.getIn(e,t):void 0}has(e){return W.isCollection(this.contents)?this.contents.has(e):!1}hasIn(e){return Re.isEmptyPath(e)?this.contents!==void 0:W.isCollection(this.contents)?this.contents.hasIn(e):!1}set(e,t){this.contents==null?this.contents=Re.collectionFromPath(this.schema,[e],t):De(this.contents)&&this.contents.set(e,t)}setIn(e,t){Re.isEmptyPath(e)?this.contents=t:this.contents==null?this.contents=Re.collectionFromPath(this.schema,Array.from(e),t):De(this.contents)&&this.contents.setIn(e,t)}setSchema(e,t={}){typeof e=="number"&&(e=String(e));let s;switch(e){case"1.1":this.directives?this.directives.yaml.version="1.1":this.directives=new Ws.Directives({version:"1.1"}),s={resolveKnownTags:!1,schema:"yaml-1.1"};break;case"1.2":case"next":this.directives?this.directives.yaml.version=e:this.directives=new Ws.Directives({version:e}),s={resolveKnownTags:!0,schema:"core"};break;case null:this.directives&&delete this.directives,s=null;break;default:{let n=JSON.stringify(e);throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${n}`)}}if(t.schema instanceof Object)this.schema=t.schema;else if(s)this.schema=new df.Schema(Object.assign(s,t));else throw new Error("With a null YAML version, the { schema: Schema } option is required")}toJS({json:e,jsonArg:t,mapAsMap:s,maxAliasCount:n,onAnchor:i,reviver:o}={}){let a={anchors:new Map,doc:this,keep:!e,mapAsMap:s===!0,mapKeyWarned:!1,maxAliasCount:typeof n=="number"?n:100},l=pf.toJS(this.contents,t??"",a);if(typeof i=="function")for(let{count:c,res:y}of a.anchors.values())i(y,c);return typeof o=="function"?yf.applyReviver(o,{"":l},"",l):l}toJSON(e,t){return this.toJS({json:!0,jsonArg:e,mapAsMap:!1,onAnchor:t})}toString(e={}){if(this.errors.length>0)throw new Error("Document with errors cannot be stringified");if("indent"in e&&(!Number.isInteger(e.indent)||Number(e.indent)<=0)){let t=JSON.stringify(e.indent);throw new Error(`"indent" option must be a positive integer, not ${t}`)}return mf.stringifyDocument(this,e)}};function De(r){if(W.isCollection(r))return!0;throw new Error("Expected a YAML collection as document contents")}Io.Document=Gs});var ht=w(yt=>{"use strict";var mt=class extends Error{constructor(e,t,s,n){super(),this.name=e,this.code=s,this.message=n,this.pos=t}},Hs=class extends mt{constructor(e,t,s){super("YAMLParseError",e,t,s)}},zs=class extends mt{constructor(e,t,s){super("YAMLWarning",e,t,s)}},gf=(r,e)=>t=>{if(t.pos[0]===-1)return;t.linePos=t.pos.map(a=>e.linePos(a));let{line:s,col:n}=t.linePos[0];t.message+=` at line ${s}, column ${n}`;let i=n-1,o=r.substring(e.lineStarts[s-1],e.lineStarts[s]).replace(/[\n\r]+$/,"");if(i>=60&&o.length>80){let a=Math.min(i-39,o.length-79);o="\u2026"+o.substring(a),i-=a-1}if(o.length>80&&(o=o.substring(0,79)+"\u2026"),s>1&&/^ *$/.test(o.substring(0,i))){let a=r.substring(e.lineStarts[s-2],e.lineStarts[s-1]);a.length>80&&(a=a.substring(0,79)+`\u2026
`),o=a+o}if(/[^ ]/.test(o)){let a=1,l=t.linePos[1];l?.line===s&&l.col>n&&(a=Math.max(1,Math.min(l.col-n,80-i)));let c=" ".repeat(i)+"^".repeat(a);t.message+=`:

${o}
${c}
`}};yt.YAMLError=mt;yt.YAMLParseError=Hs;yt.YAMLWarning=zs;yt.prettifyError=gf});var gt=w(To=>{"use strict";function _f(r,{flow:e,indicator:t,next:s,offset:n,onError:i,parentIndent:o,startOnNewline:a}){let l=!1,c=a,y=a,f="",u="",m=!1,d=!1,p=null,h=null,g=null,k=null,v=null,A=null,S=null;for(let b of r)switch(d&&(b.type!=="space"&&b.type!=="newline"&&b.type!=="comma"&&i(b.offset,"MISSING_CHAR","Tags and anchors must be separated from the next token by white space"),d=!1),p&&(c&&b.type!=="comment"&&b.type!=="newline"&&i(p,"TAB_AS_INDENT","Tabs are not allowed as indentation"),p=null),b.type){case"space":!e&&(t!=="doc-start"||s?.type!=="flow-collection")&&b.source.includes("	")&&(p=b),y=!0;break;case"comment":{y||i(b,"MISSING_CHAR","Comments must be separated from other tokens by white space characters");let E=b.source.substring(1)||" ";f?f+=u+E:f=E,u="",c=!1;break}case"newline":c?f?f+=b.source:(!A||t!=="seq-item-ind")&&(l=!0):u+=b.source,c=!0,m=!0,(h||g)&&(k=b),y=!0;break;case"anchor":h&&i(b,"MULTIPLE_ANCHORS","A node can have at most one anchor"),b.source.endsWith(":")&&i(b.offset+b.source.length-1,"BAD_ALIAS","Anchor ending in : is ambiguous",!0),h=b,S??(S=b.offset),c=!1,y=!1,d=!0;break;case"tag":{g&&i(b,"MULTIPLE_TAGS","A node can have at most one tag"),g=b,S??(S=b.offset),c=!1,y=!1,d=!0;break}case t:(h||g)&&i(b,"BAD_PROP_ORDER",`Anchors and tags must be after the ${b.source} indicator`),A&&i(b,"UNEXPECTED_TOKEN",`Unexpected ${b.source} in ${e??"collection"}`),A=b,c=t==="seq-item-ind"||t==="explicit-key-ind",y=!1;break;case"comma":if(e){v&&i(b,"UNEXPECTED_TOKEN",`Unexpected , in ${e}`),v=b,c=!1,y=!1;break}default:i(b,"UNEXPECTED_TOKEN",`Unexpected ${b.type} token`),c=!1,y=!1}let _=r[r.length-1],N=_?_.offset+_.source.length:n;return d&&s&&s.type!=="space"&&s.type!=="newline"&&s.type!=="comma"&&(s.type!=="scalar"||s.source!=="")&&i(s.offset,"MISSING_CHAR","Tags and anchors must be separated from the next token by white space"),p&&(c&&p.indent<=o||s?.type==="block-map"||s?.type==="block-seq")&&i(p,"TAB_AS_INDENT","Tabs are not allowed as indentation"),{comma:v,found:A,spaceBefore:l,comment:f,hasNewline:m,anchor:h,tag:g,newlineAfterProp:k,end:N,start:S??N}}To.resolveProps=_f});var wr=w(qo=>{"use strict";function Qs(r){if(!r)return null;switch(r.type){case"alias":case"scalar":case"double-quoted-scalar":case"single-quoted-scalar":if(r.source.includes(`
`))return!0;if(r.end){for(let e of r.end)if(e.type==="newline")return!0}return!1;case"flow-collection":for(let e of r.items){for(let t of e.start)if(t.type==="newline")return!0;if(e.sep){for(let t of e.sep)if(t.type==="newline")return!0}if(Qs(e.key)||Qs(e.value))return!0}return!1;default:return!0}}qo.containsNewline=Qs});var Xs=w(Co=>{"use strict";var bf=wr();function Sf(r,e,t){if(e?.type==="flow-collection"){let s=e.end[0];s.indent===r&&(s.source==="]"||s.source==="}")&&bf.containsNewline(e)&&t(s,"BAD_INDENT","Flow end indicator should be more indented than parent",!0)}}Co.flowIndentCheck=Sf});var Zs=w(Po=>{"use strict";var Lo=I();function kf(r,e,t){let{uniqueKeys:s}=r.options;if(s===!1)return!1;let n=typeof s=="function"?s:(i,o)=>i===o||Lo.isScalar(i)&&Lo.isScalar(o)&&i.value===o.value;return e.some(i=>n(i.key,t))}Po.mapIncludes=kf});var jo=w(Yo=>{"use strict";var Mo=fe(),wf=de(),Ro=gt(),vf=wr(),Do=Xs(),Af=Zs(),xo="All mapping items must start at the same column";function $f({composeNode:r,composeEmptyNode:e},t,s,n,i){let o=i?.nodeClass??wf.YAMLMap,a=new o(t.schema);t.atRoot&&(t.atRoot=!1);let l=s.offset,c=null;for(let y of s.items){let{start:f,key:u,sep:m,value:d}=y,p=Ro.resolveProps(f,{indicator:"explicit-key-ind",next:u??m?.[0],offset:l,onError:n,parentIndent:s.indent,startOnNewline:!0}),h=!p.found;if(h){if(u&&(u.type==="block-seq"?n(l,"BLOCK_AS_IMPLICIT_KEY","A block sequence may not be used as an implicit map key"):"indent"in u&&u.indent!==s.indent&&n(l,"BAD_INDENT",xo)),!p.anchor&&!p.tag&&!m){c=p.end,p.comment&&(a.comment?a.comment+=`
`+p.comment:a.comment=p.comment);continue}(p.newlineAfterProp||vf.containsNewline(u))&&n(u??f[f.length-1],"MULTILINE_IMPLICIT_KEY","Implicit keys need to be on a single line")}else p.found?.indent!==s.indent&&n(l,"BAD_INDENT",xo);t.atKey=!0;let g=p.end,k=u?r(t,u,p,n):e(t,g,f,null,p,n);t.schema.compat&&Do.flowIndentCheck(s.indent,u,n),t.atKey=!1,Af.mapIncludes(t,a.items,k)&&n(g,"DUPLICATE_KEY","Map keys must be unique");let v=Ro.resolveProps(m??[],{indicator:"map-value-ind",next:d,offset:k.range[2],onError:n,parentIndent:s.indent,startOnNewline:!u||u.type==="block-scalar"});if(l=v.end,v.found){h&&(d?.type==="block-map"&&!v.hasNewline&&n(l,"BLOCK_AS_IMPLICIT_KEY","Nested mappings are not allowed in compact mappings"),t.options.strict&&p.start<v.found.offset-1024&&n(k.range,"KEY_OVER_1024_CHARS","The : indicator must be at most 1024 chars after the start of an implicit block mapping key"));let A=d?r(t,d,v,n):e(t,l,m,null,v,n);t.schema.compat&&Do.flowIndentCheck(s.indent,d,n),l=A.range[2];let S=new Mo.Pair(k,A);t.options.keepSourceTokens&&(S.srcToken=y),a.items.push(S)}else{h&&n(k.range,"MISSING_CHAR","Implicit map keys need to be followed by map values"),v.comment&&(k.comment?k.comment+=`
`+v.comment:k.comment=v.comment);let A=new Mo.Pair(k);t.options.keepSourceTokens&&(A.srcToken=y),a.items.push(A)}}return c&&c<l&&n(c,"IMPOSSIBLE","Map comment with trailing content"),a.range=[s.offset,l,c??l],a}Yo.resolveBlockMap=$f});var Fo=w(Bo=>{"use strict";var Of=me(),Nf=gt(),Ef=Xs();function If({composeNode:r,composeEmptyNode:e},t,s,n,i){let o=i?.nodeClass??Of.YAMLSeq,a=new o(t.schema);t.atRoot&&(t.atRoot=!1),t.atKey&&(t.atKey=!1);let l=s.offset,c=null;for(let{start:y,value:f}of s.items){let u=Nf.resolveProps(y,{indicator:"seq-item-ind",next:f,offset:l,onError:n,parentIndent:s.indent,startOnNewline:!0});if(!u.found)if(u.anchor||u.tag||f)f?.type==="block-seq"?n(u.end,"BAD_INDENT","All sequence items must start at the same column"):n(l,"MISSING_CHAR","Sequence item without - indicator");else{c=u.end,u.comment&&(a.comment=u.comment);continue}let m=f?r(t,f,u,n):e(t,u.end,y,null,u,n);t.schema.compat&&Ef.flowIndentCheck(s.indent,f,n),l=m.range[2],a.items.push(m)}return a.range=[s.offset,l,c??l],a}Bo.resolveBlockSeq=If});var xe=w(Vo=>{"use strict";function Tf(r,e,t,s){let n="";if(r){let i=!1,o="";for(let a of r){let{source:l,type:c}=a;switch(c){case"space":i=!0;break;case"comment":{t&&!i&&s(a,"MISSING_CHAR","Comments must be separated from other tokens by white space characters");let y=l.substring(1)||" ";n?n+=o+y:n=y,o="";break}case"newline":n&&(o+=l),i=!0;break;default:s(a,"UNEXPECTED_TOKEN",`Unexpected ${c} at node end`)}e+=l.length}}return{comment:n,offset:e}}Vo.resolveEnd=Tf});var Wo=w(Jo=>{"use strict";var qf=I(),Cf=fe(),Ko=de(),Lf=me(),Pf=xe(),Uo=gt(),Mf=wr(),Rf=Zs(),en="Block collections are not allowed within flow collections",tn=r=>r&&(r.type==="block-map"||r.type==="block-seq");function Df({composeNode:r,composeEmptyNode:e},t,s,n,i){let o=s.start.source==="{",a=o?"flow map":"flow sequence",l=i?.nodeClass??(o?Ko.YAMLMap:Lf.YAMLSeq),c=new l(t.schema);c.flow=!0;let y=t.atRoot;y&&(t.atRoot=!1),t.atKey&&(t.atKey=!1);let f=s.offset+s.start.source.length;for(let h=0;h<s.items.length;++h){let g=s.items[h],{start:k,key:v,sep:A,value:S}=g,_=Uo.resolveProps(k,{flow:a,indicator:"explicit-key-ind",next:v??A?.[0],offset:f,onError:n,parentIndent:s.indent,startOnNewline:!1});if(!_.found){if(!_.anchor&&!_.tag&&!A&&!S){h===0&&_.comma?n(_.comma,"UNEXPECTED_TOKEN",`Unexpected , in ${a}`):h<s.items.length-1&&n(_.start,"UNEXPECTED_TOKEN",`Unexpected empty item in ${a}`),_.comment&&(c.comment?c.comment+=`
`+_.comment:c.comment=_.comment),f=_.end;continue}!o&&t.options.strict&&Mf.containsNewline(v)&&n(v,"MULTILINE_IMPLICIT_KEY","Implicit keys of flow sequence pairs need to be on a single line")}if(h===0)_.comma&&n(_.comma,"UNEXPECTED_TOKEN",`Unexpected , in ${a}`);else if(_.comma||n(_.start,"MISSING_CHAR",`Missing , between ${a} items`),_.comment){let N="";e:for(let b of k)switch(b.type){case"comma":case"space":break;case"comment":N=b.source.substring(1);break e;default:break e}if(N){let b=c.items[c.items.length-1];qf.isPair(b)&&(b=b.value??b.key),b.comment?b.comment+=`
`+N:b.comment=N,_.comment=_.comment.substring(N.length+1)}}if(!o&&!A&&!_.found){let N=S?r(t,S,_,n):e(t,_.end,A,null,_,n);c.items.push(N),f=N.range[2],tn(S)&&n(N.range,"BLOCK_IN_FLOW",en)}else{t.atKey=!0;let N=_.end,b=v?r(t,v,_,n):e(t,N,k,null,_,n);tn(v)&&n(b.range,"BLOCK_IN_FLOW",en),t.atKey=!1;let E=Uo.resolveProps(A??[],{flow:a,indicator:"map-value-ind",next:S,offset:b.range[2],onError:n,parentIndent:s.indent,startOnNewline:!1});if(E.found){if(!o&&!_.found&&t.options.strict){if(A)for(let q of A){if(q===E.found)break;if(q.type==="newline"){n(q,"MULTILINE_IMPLICIT_KEY","Implicit keys of flow sequence pairs need to be on a single line");break}}_.start<E.found.offset-1024&&n(E.found,"KEY_OVER_1024_CHARS","The : indicator must be at most 1024 chars after the start of an implicit flow sequence key")}}else S&&("source"in S&&S.source?.[0]===":"?n(S,"MISSING_CHAR",`Missing space after : in ${a}`):n(E.start,"MISSING_CHAR",`Missing , or : between ${a} items`));let j=S?r(t,S,E,n):E.found?e(t,E.end,A,null,E,n):null;j?tn(S)&&n(j.range,"BLOCK_IN_FLOW",en):E.comment&&(b.comment?b.comment+=`
`+E.comment:b.comment=E.comment);let L=new Cf.Pair(b,j);if(t.options.keepSourceTokens&&(L.srcToken=g),o){let q=c;Rf.mapIncludes(t,q.items,b)&&n(N,"DUPLICATE_KEY","Map keys must be unique"),q.items.push(L)}else{let q=new Ko.YAMLMap(t.schema);q.flow=!0,q.items.push(L);let Je=(j??b).range;q.range=[b.range[0],Je[1],Je[2]],c.items.push(q)}f=j?j.range[2]:E.end}}let u=o?"}":"]",[m,...d]=s.end,p=f;if(m?.source===u)p=m.offset+m.source.length;else{let h=a[0].toUpperCase()+a.substring(1),g=y?`${h} must end with a ${u}`:`${h} in block collection must be sufficiently indented and end with a ${u}`;n(f,y?"MISSING_CHAR":"BAD_INDENT",g),m&&m.source.length!==1&&d.unshift(m)}if(d.length>0){let h=Pf.resolveEnd(d,p,t.options.strict,n);h.comment&&(c.comment?c.comment+=`
`+h.comment:c.comment=h.comment),c.range=[s.offset,p,h.offset]}else c.range=[s.offset,p,p];return c}Jo.resolveFlowCollection=Df});var Ho=w(Go=>{"use strict";var xf=I(),Yf=P(),jf=de(),Bf=me(),Ff=jo(),Vf=Fo(),Kf=Wo();function rn(r,e,t,s,n,i){let o=t.type==="block-map"?Ff.resolveBlockMap(r,e,t,s,i):t.type==="block-seq"?Vf.resolveBlockSeq(r,e,t,s,i):Kf.resolveFlowCollection(r,e,t,s,i),a=o.constructor;return n==="!"||n===a.tagName?(o.tag=a.tagName,o):(n&&(o.tag=n),o)}function Uf(r,e,t,s,n){let i=s.tag,o=i?e.directives.tagName(i.source,u=>n(i,"TAG_RESOLVE_FAILED",u)):null;if(t.type==="block-seq"){let{anchor:u,newlineAfterProp:m}=s,d=u&&i?u.offset>i.offset?u:i:u??i;d&&(!m||m.offset<d.offset)&&n(d,"MISSING_CHAR","Missing newline after block sequence props")}let a=t.type==="block-map"?"map":t.type==="block-seq"?"seq":t.start.source==="{"?"map":"seq";if(!i||!o||o==="!"||o===jf.YAMLMap.tagName&&a==="map"||o===Bf.YAMLSeq.tagName&&a==="seq")return rn(r,e,t,n,o);let l=e.schema.tags.find(u=>u.tag===o&&u.collection===a);if(!l){let u=e.schema.knownTags[o];if(u?.collection===a)e.schema.tags.push(Object.assign({},u,{default:!1})),l=u;else return u?n(i,"BAD_COLLECTION_TYPE",`${u.tag} used for ${a} collection, but expects ${u.collection??"scalar"}`,!0):n(i,"TAG_RESOLVE_FAILED",`Unresolved tag: ${o}`,!0),rn(r,e,t,n,o)}let c=rn(r,e,t,n,o,l),y=l.resolve?.(c,u=>n(i,"TAG_RESOLVE_FAILED",u),e.options)??c,f=xf.isNode(y)?y:new Yf.Scalar(y);return f.range=c.range,f.tag=o,l?.format&&(f.format=l.format),f}Go.composeCollection=Uf});var nn=w(zo=>{"use strict";var sn=P();function Jf(r,e,t){let s=e.offset,n=Wf(e,r.options.strict,t);if(!n)return{value:"",type:null,comment:"",range:[s,s,s]};let i=n.mode===">"?sn.Scalar.BLOCK_FOLDED:sn.Scalar.BLOCK_LITERAL,o=e.source?Gf(e.source):[],a=o.length;for(let p=o.length-1;p>=0;--p){let h=o[p][1];if(h===""||h==="\r")a=p;else break}if(a===0){let p=n.chomp==="+"&&o.length>0?`
`.repeat(Math.max(1,o.length-1)):"",h=s+n.length;return e.source&&(h+=e.source.length),{value:p,type:i,comment:n.comment,range:[s,h,h]}}let l=e.indent+n.indent,c=e.offset+n.length,y=0;for(let p=0;p<a;++p){let[h,g]=o[p];if(g===""||g==="\r")n.indent===0&&h.length>l&&(l=h.length);else{h.length<l&&t(c+h.length,"MISSING_CHAR","Block scalars with more-indented leading empty lines must use an explicit indentation indicator"),n.indent===0&&(l=h.length),y=p,l===0&&!r.atRoot&&t(c,"BAD_INDENT","Block scalar values in collections must be indented");break}c+=h.length+g.length+1}for(let p=o.length-1;p>=a;--p)o[p][0].length>l&&(a=p+1);let f="",u="",m=!1;for(let p=0;p<y;++p)f+=o[p][0].slice(l)+`
`;for(let p=y;p<a;++p){let[h,g]=o[p];c+=h.length+g.length+1;let k=g[g.length-1]==="\r";if(k&&(g=g.slice(0,-1)),g&&h.length<l){let A=`Block scalar lines must not be less indented than their ${n.indent?"explicit indentation indicator":"first line"}`;t(c-g.length-(k?2:1),"BAD_INDENT",A),h=""}i===sn.Scalar.BLOCK_LITERAL?(f+=u+h.slice(l)+g,u=`
`):h.length>l||g[0]==="	"?(u===" "?u=`
`:!m&&u===`
`&&(u=`

`),f+=u+h.slice(l)+g,u=`
`,m=!0):g===""?u===`
`?f+=`
`:u=`
`:(f+=u+g,u=" ",m=!1)}switch(n.chomp){case"-":break;case"+":for(let p=a;p<o.length;++p)f+=`
`+o[p][0].slice(l);f[f.length-1]!==`
`&&(f+=`
`);break;default:f+=`
`}let d=s+n.length+e.source.length;return{value:f,type:i,comment:n.comment,range:[s,d,d]}}function Wf({offset:r,props:e},t,s){if(e[0].type!=="block-scalar-header")return s(e[0],"IMPOSSIBLE","Block scalar header not found"),null;let{source:n}=e[0],i=n[0],o=0,a="",l=-1;for(let u=1;u<n.length;++u){let m=n[u];if(!a&&(m==="-"||m==="+"))a=m;else{let d=Number(m);!o&&d?o=d:l===-1&&(l=r+u)}}l!==-1&&s(l,"UNEXPECTED_TOKEN",`Block scalar header includes extra characters: ${n}`);let c=!1,y="",f=n.length;for(let u=1;u<e.length;++u){let m=e[u];switch(m.type){case"space":c=!0;case"newline":f+=m.source.length;break;case"comment":t&&!c&&s(m,"MISSING_CHAR","Comments must be separated from other tokens by white space characters"),f+=m.source.length,y=m.source.substring(1);break;case"error":s(m,"UNEXPECTED_TOKEN",m.message),f+=m.source.length;break;default:{let d=`Unexpected token in block scalar header: ${m.type}`;s(m,"UNEXPECTED_TOKEN",d);let p=m.source;p&&typeof p=="string"&&(f+=p.length)}}}return{mode:i,indent:o,chomp:a,comment:y,length:f}}function Gf(r){let e=r.split(/\n( *)/),t=e[0],s=t.match(/^( *)/),i=[s?.[1]?[s[1],t.slice(s[1].length)]:["",t]];for(let o=1;o<e.length;o+=2)i.push([e[o],e[o+1]]);return i}zo.resolveBlockScalar=Jf});var an=w(Xo=>{"use strict";var on=P(),Hf=xe();function zf(r,e,t){let{offset:s,type:n,source:i,end:o}=r,a,l,c=(u,m,d)=>t(s+u,m,d);switch(n){case"scalar":a=on.Scalar.PLAIN,l=Qf(i,c);break;case"single-quoted-scalar":a=on.Scalar.QUOTE_SINGLE,l=Xf(i,c);break;case"double-quoted-scalar":a=on.Scalar.QUOTE_DOUBLE,l=Zf(i,c);break;default:return t(r,"UNEXPECTED_TOKEN",`Expected a flow scalar value, but found: ${n}`),{value:"",type:null,comment:"",range:[s,s+i.length,s+i.length]}}let y=s+i.length,f=Hf.resolveEnd(o,y,e,t);return{value:l,type:a,comment:f.comment,range:[s,y,f.offset]}}function Qf(r,e){let t="";switch(r[0]){case"	":t="a tab character";break;case",":t="flow indicator character ,";break;case"%":t="directive indicator character %";break;case"|":case">":{t=`block scalar indicator ${r[0]}`;break}case"@":case"`":{t=`reserved character ${r[0]}`;break}}return t&&e(0,"BAD_SCALAR_START",`Plain value cannot start with ${t}`),Qo(r)}function Xf(r,e){return(r[r.length-1]!=="'"||r.length===1)&&e(r.length,"MISSING_CHAR","Missing closing 'quote"),Qo(r.slice(1,-1)).replace(/''/g,"'")}function Qo(r){let e=/(.*?)\r?\n/sy,t=e.exec(r);if(!t)return r;let s,n;try{s=new RegExp("(?<![ 	])[ 	]+$"),n=new RegExp("^[ 	]+|(?<![ 	])[ 	]+$","g")}catch{s=/[ \t]+$/,n=/^[ \t]+|[ \t]+$/g}let i=t[1].replace(s,""),o=" ",a=e.lastIndex;for(;t=e.exec(r);){let c=t[1].replace(n,"");c===""?o===`
`?i+=o:o=`
`:(i+=o+c,o=" "),a=e.lastIndex}let l=/[ \t]*(.*)/sy;return l.lastIndex=a,t=l.exec(r),i+o+(t?.[1]??"")}function Zf(r,e){let t="";for(let s=1;s<r.length-1;++s){let n=r[s];if(!(n==="\r"&&r[s+1]===`
`))if(n===`
`){let{fold:i,offset:o}=ep(r,s);t+=i,s=o}else if(n==="\\"){let i=r[++s],o=tp[i];if(o)t+=o;else if(i===`
`)for(i=r[s+1];i===" "||i==="	";)i=r[++s+1];else if(i==="\r"&&r[s+1]===`
`)for(i=r[++s+1];i===" "||i==="	";)i=r[++s+1];else if(i==="x"||i==="u"||i==="U"){let a=i==="x"?2:i==="u"?4:8;t+=rp(r,s+1,a,e),s+=a}else{let a=r.substr(s-1,2);e(s-1,"BAD_DQ_ESCAPE",`Invalid escape sequence ${a}`),t+=a}}else if(n===" "||n==="	"){let i=s,o=r[s+1];for(;o===" "||o==="	";)o=r[++s+1];o!==`
`&&!(o==="\r"&&r[s+2]===`
`)&&(t+=s>i?r.slice(i,s+1):n)}else t+=n}return(r[r.length-1]!=='"'||r.length===1)&&e(r.length,"MISSING_CHAR",'Missing closing "quote'),t}function ep(r,e){let t="",s=r[e+1];for(;(s===" "||s==="	"||s===`
`||s==="\r")&&!(s==="\r"&&r[e+2]!==`
`);)s===`
`&&(t+=`
`),e+=1,s=r[e+1];return t||(t=" "),{fold:t,offset:e}}var tp={0:"\0",a:"\x07",b:"\b",e:"\x1B",f:"\f",n:`
`,r:"\r",t:"	",v:"\v",N:"\x85",_:"\xA0",L:"\u2028",P:"\u2029"," ":" ",'"':'"',"/":"/","\\":"\\","	":"	"};function rp(r,e,t,s){let n=r.substr(e,t),o=n.length===t&&/^[0-9a-fA-F]+$/.test(n)?parseInt(n,16):NaN;try{return String.fromCodePoint(o)}catch{let a=r.substr(e-2,t+2);return s(e-2,"BAD_DQ_ESCAPE",`Invalid escape sequence ${a}`),a}}Xo.resolveFlowScalar=zf});var ta=w(ea=>{"use strict";var Ae=I(),Zo=P(),sp=nn(),np=an();function ip(r,e,t,s){let{value:n,type:i,comment:o,range:a}=e.type==="block-scalar"?sp.resolveBlockScalar(r,e,s):np.resolveFlowScalar(e,r.options.strict,s),l=t?r.directives.tagName(t.source,f=>s(t,"TAG_RESOLVE_FAILED",f)):null,c;r.options.stringKeys&&r.atKey?c=r.schema[Ae.SCALAR]:l?c=op(r.schema,n,l,t,s):e.type==="scalar"?c=ap(r,n,e,s):c=r.schema[Ae.SCALAR];let y;try{let f=c.resolve(n,u=>s(t??e,"TAG_RESOLVE_FAILED",u),r.options);y=Ae.isScalar(f)?f:new Zo.Scalar(f)}catch(f){let u=f instanceof Error?f.message:String(f);s(t??e,"TAG_RESOLVE_FAILED",u),y=new Zo.Scalar(n)}return y.range=a,y.source=n,i&&(y.type=i),l&&(y.tag=l),c.format&&(y.format=c.format),o&&(y.comment=o),y}function op(r,e,t,s,n){if(t==="!")return r[Ae.SCALAR];let i=[];for(let a of r.tags)if(!a.collection&&a.tag===t)if(a.default&&a.test)i.push(a);else return a;for(let a of i)if(a.test?.test(e))return a;let o=r.knownTags[t];return o&&!o.collection?(r.tags.push(Object.assign({},o,{default:!1,test:void 0})),o):(n(s,"TAG_RESOLVE_FAILED",`Unresolved tag: ${t}`,t!=="tag:yaml.org,2002:str"),r[Ae.SCALAR])}function ap({atKey:r,directives:e,schema:t},s,n,i){let o=t.tags.find(a=>(a.default===!0||r&&a.default==="key")&&a.test?.test(s))||t[Ae.SCALAR];if(t.compat){let a=t.compat.find(l=>l.default&&l.test?.test(s))??t[Ae.SCALAR];if(o.tag!==a.tag){let l=e.tagString(o.tag),c=e.tagString(a.tag),y=`Value may be parsed as either ${l} or ${c}`;i(n,"TAG_RESOLVE_FAILED",y,!0)}}return o}ea.composeScalar=ip});var sa=w(ra=>{"use strict";function lp(r,e,t){if(e){t??(t=e.length);for(let s=t-1;s>=0;--s){let n=e[s];switch(n.type){case"space":case"comment":case"newline":r-=n.source.length;continue}for(n=e[++s];n?.type==="space";)r+=n.source.length,n=e[++s];break}}return r}ra.emptyScalarPosition=lp});var oa=w(cn=>{"use strict";var cp=Qe(),up=I(),fp=Ho(),na=ta(),pp=xe(),dp=sa(),mp={composeNode:ia,composeEmptyNode:ln};function ia(r,e,t,s){let n=r.atKey,{spaceBefore:i,comment:o,anchor:a,tag:l}=t,c,y=!0;switch(e.type){case"alias":c=yp(r,e,s),(a||l)&&s(e,"ALIAS_PROPS","An alias node must not specify any properties");break;case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":case"block-scalar":c=na.composeScalar(r,e,l,s),a&&(c.anchor=a.source.substring(1));break;case"block-map":case"block-seq":case"flow-collection":try{c=fp.composeCollection(mp,r,e,t,s),a&&(c.anchor=a.source.substring(1))}catch(f){let u=f instanceof Error?f.message:String(f);s(e,"RESOURCE_EXHAUSTION",u)}break;default:{let f=e.type==="error"?e.message:`Unsupported token (type: ${e.type})`;s(e,"UNEXPECTED_TOKEN",f),y=!1}}return c??(c=ln(r,e.offset,void 0,null,t,s)),a&&c.anchor===""&&s(a,"BAD_ALIAS","Anchor cannot be an empty string"),n&&r.options.stringKeys&&(!up.isScalar(c)||typeof c.value!="string"||c.tag&&c.tag!=="tag:yaml.org,2002:str")&&s(l??e,"NON_STRING_KEY","With stringKeys, all keys must be strings"),i&&(c.spaceBefore=!0),o&&(e.type==="scalar"&&e.source===""?c.comment=o:c.commentBefore=o),r.options.keepSourceTokens&&y&&(c.srcToken=e),c}function ln(r,e,t,s,{spaceBefore:n,comment:i,anchor:o,tag:a,end:l},c){let y={type:"scalar",offset:dp.emptyScalarPosition(e,t,s),indent:-1,source:""},f=na.composeScalar(r,y,a,c);return o&&(f.anchor=o.source.substring(1),f.anchor===""&&c(o,"BAD_ALIAS","Anchor cannot be an empty string")),n&&(f.spaceBefore=!0),i&&(f.comment=i,f.range[2]=l),f}function yp({options:r},{offset:e,source:t,end:s},n){let i=new cp.Alias(t.substring(1));i.source===""&&n(e,"BAD_ALIAS","Alias cannot be an empty string"),i.source.endsWith(":")&&n(e+t.length-1,"BAD_ALIAS","Alias ending in : is ambiguous",!0);let o=e+t.length,a=pp.resolveEnd(s,o,r.strict,n);return i.range=[e,o,a.offset],a.comment&&(i.comment=a.comment),i}cn.composeEmptyNode=ln;cn.composeNode=ia});var ca=w(la=>{"use strict";var hp=dt(),aa=oa(),gp=xe(),_p=gt();function bp(r,e,{offset:t,start:s,value:n,end:i},o){let a=Object.assign({_directives:e},r),l=new hp.Document(void 0,a),c={atKey:!1,atRoot:!0,directives:l.directives,options:l.options,schema:l.schema},y=_p.resolveProps(s,{indicator:"doc-start",next:n??i?.[0],offset:t,onError:o,parentIndent:0,startOnNewline:!0});y.found&&(l.directives.docStart=!0,n&&(n.type==="block-map"||n.type==="block-seq")&&!y.hasNewline&&o(y.end,"MISSING_CHAR","Block collection cannot start on same line with directives-end marker")),l.contents=n?aa.composeNode(c,n,y,o):aa.composeEmptyNode(c,y.end,s,null,y,o);let f=l.contents.range[2],u=gp.resolveEnd(i,f,!1,o);return u.comment&&(l.comment=u.comment),l.range=[t,f,u.offset],l}la.composeDoc=bp});var fn=w(pa=>{"use strict";var Sp=Ct("process"),kp=Hr(),wp=dt(),_t=ht(),ua=I(),vp=ca(),Ap=xe();function bt(r){if(typeof r=="number")return[r,r+1];if(Array.isArray(r))return r.length===2?r:[r[0],r[1]];let{offset:e,source:t}=r;return[e,e+(typeof t=="string"?t.length:1)]}function fa(r){let e="",t=!1,s=!1;for(let n=0;n<r.length;++n){let i=r[n];switch(i[0]){case"#":e+=(e===""?"":s?`

`:`
`)+(i.substring(1)||" "),t=!0,s=!1;break;case"%":r[n+1]?.[0]!=="#"&&(n+=1),t=!1;break;default:t||(s=!0),t=!1}}return{comment:e,afterEmptyLine:s}}var un=class{constructor(e={}){this.doc=null,this.atDirectives=!1,this.prelude=[],this.errors=[],this.warnings=[],this.onError=(t,s,n,i)=>{let o=bt(t);i?this.warnings.push(new _t.YAMLWarning(o,s,n)):this.errors.push(new _t.YAMLParseError(o,s,n))},this.directives=new kp.Directives({version:e.version||"1.2"}),this.options=e}decorate(e,t){let{comment:s,afterEmptyLine:n}=fa(this.prelude);if(s){let i=e.contents;if(t)e.comment=e.comment?`${e.comment}
${s}`:s;else if(n||e.directives.docStart||!i)e.commentBefore=s;else if(ua.isCollection(i)&&!i.flow&&i.items.length>0){let o=i.items[0];ua.isPair(o)&&(o=o.key);let a=o.commentBefore;o.commentBefore=a?`${s}
${a}`:s}else{let o=i.commentBefore;i.commentBefore=o?`${s}
${o}`:s}}if(t){for(let i=0;i<this.errors.length;++i)e.errors.push(this.errors[i]);for(let i=0;i<this.warnings.length;++i)e.warnings.push(this.warnings[i])}else e.errors=this.errors,e.warnings=this.warnings;this.prelude=[],this.errors=[],this.warnings=[]}streamInfo(){return{comment:fa(this.prelude).comment,directives:this.directives,errors:this.errors,warnings:this.warnings}}*compose(e,t=!1,s=-1){for(let n of e)yield*this.next(n);yield*this.end(t,s)}*next(e){switch(Sp.env.LOG_STREAM&&console.dir(e,{depth:null}),e.type){case"directive":this.directives.add(e.source,(t,s,n)=>{let i=bt(e);i[0]+=t,this.onError(i,"BAD_DIRECTIVE",s,n)}),this.prelude.push(e.source),this.atDirectives=!0;break;case"document":{let t=vp.composeDoc(this.options,this.directives,e,this.onError);this.atDirectives&&!t.directives.docStart&&this.onError(e,"MISSING_CHAR","Missing directives-end/doc-start indicator line"),this.decorate(t,!1),this.doc&&(yield this.doc),this.doc=t,this.atDirectives=!1;break}case"byte-order-mark":case"space":break;case"comment":case"newline":this.prelude.push(e.source);break;case"error":{let t=e.source?`${e.message}: ${JSON.stringify(e.source)}`:e.message,s=new _t.YAMLParseError(bt(e),"UNEXPECTED_TOKEN",t);this.atDirectives||!this.doc?this.errors.push(s):this.doc.errors.push(s);break}case"doc-end":{if(!this.doc){let s="Unexpected doc-end without preceding document";this.errors.push(new _t.YAMLParseError(bt(e),"UNEXPECTED_TOKEN",s));break}this.doc.directives.docEnd=!0;let t=Ap.resolveEnd(e.end,e.offset+e.source.length,this.doc.options.strict,this.onError);if(this.decorate(this.doc,!0),t.comment){let s=this.doc.comment;this.doc.comment=s?`${s}
${t.comment}`:t.comment}this.doc.range[2]=t.offset;break}default:this.errors.push(new _t.YAMLParseError(bt(e),"UNEXPECTED_TOKEN",`Unsupported token ${e.type}`))}}*end(e=!1,t=-1){if(this.doc)this.decorate(this.doc,!0),yield this.doc,this.doc=null;else if(e){let s=Object.assign({_directives:this.directives},this.options),n=new wp.Document(void 0,s);this.atDirectives&&this.onError(t,"MISSING_CHAR","Missing directives-end indicator line"),n.range=[0,t,t],this.decorate(n,!1),yield n}}};pa.Composer=un});var ya=w(vr=>{"use strict";var $p=nn(),Op=an(),Np=ht(),da=rt();function Ep(r,e=!0,t){if(r){let s=(n,i,o)=>{let a=typeof n=="number"?n:Array.isArray(n)?n[0]:n.offset;if(t)t(a,i,o);else throw new Np.YAMLParseError([a,a+1],i,o)};switch(r.type){case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":return Op.resolveFlowScalar(r,e,s);case"block-scalar":return $p.resolveBlockScalar({options:{strict:e}},r,s)}}return null}function Ip(r,e){let{implicitKey:t=!1,indent:s,inFlow:n=!1,offset:i=-1,type:o="PLAIN"}=e,a=da.stringifyString({type:o,value:r},{implicitKey:t,indent:s>0?" ".repeat(s):"",inFlow:n,options:{blockQuote:!0,lineWidth:-1}}),l=e.end??[{type:"newline",offset:-1,indent:s,source:`
`}];switch(a[0]){case"|":case">":{let c=a.indexOf(`
`),y=a.substring(0,c),f=a.substring(c+1)+`
`,u=[{type:"block-scalar-header",offset:i,indent:s,source:y}];return ma(u,l)||u.push({type:"newline",offset:-1,indent:s,source:`
`}),{type:"block-scalar",offset:i,indent:s,props:u,source:f}}case'"':return{type:"double-quoted-scalar",offset:i,indent:s,source:a,end:l};case"'":return{type:"single-quoted-scalar",offset:i,indent:s,source:a,end:l};default:return{type:"scalar",offset:i,indent:s,source:a,end:l}}}function Tp(r,e,t={}){let{afterKey:s=!1,implicitKey:n=!1,inFlow:i=!1,type:o}=t,a="indent"in r?r.indent:null;if(s&&typeof a=="number"&&(a+=2),!o)switch(r.type){case"single-quoted-scalar":o="QUOTE_SINGLE";break;case"double-quoted-scalar":o="QUOTE_DOUBLE";break;case"block-scalar":{let c=r.props[0];if(c.type!=="block-scalar-header")throw new Error("Invalid block scalar header");o=c.source[0]===">"?"BLOCK_FOLDED":"BLOCK_LITERAL";break}default:o="PLAIN"}let l=da.stringifyString({type:o,value:e},{implicitKey:n||a===null,indent:a!==null&&a>0?" ".repeat(a):"",inFlow:i,options:{blockQuote:!0,lineWidth:-1}});switch(l[0]){case"|":case">":qp(r,l);break;case'"':pn(r,l,"double-quoted-scalar");break;case"'":pn(r,l,"single-quoted-scalar");break;default:pn(r,l,"scalar")}}function qp(r,e){let t=e.indexOf(`
`),s=e.substring(0,t),n=e.substring(t+1)+`
`;if(r.type==="block-scalar"){let i=r.props[0];if(i.type!=="block-scalar-header")throw new Error("Invalid block scalar header");i.source=s,r.source=n}else{let{offset:i}=r,o="indent"in r?r.indent:-1,a=[{type:"block-scalar-header",offset:i,indent:o,source:s}];ma(a,"end"in r?r.end:void 0)||a.push({type:"newline",offset:-1,indent:o,source:`
`});for(let l of Object.keys(r))l!=="type"&&l!=="offset"&&delete r[l];Object.assign(r,{type:"block-scalar",indent:o,props:a,source:n})}}function ma(r,e){if(e)for(let t of e)switch(t.type){case"space":case"comment":r.push(t);break;case"newline":return r.push(t),!0}return!1}function pn(r,e,t){switch(r.type){case"scalar":case"double-quoted-scalar":case"single-quoted-scalar":r.type=t,r.source=e;break;case"block-scalar":{let s=r.props.slice(1),n=e.length;r.props[0].type==="block-scalar-header"&&(n-=r.props[0].source.length);for(let i of s)i.offset+=n;delete r.props,Object.assign(r,{type:t,source:e,end:s});break}case"block-map":case"block-seq":{let n={type:"newline",offset:r.offset+e.length,indent:r.indent,source:`
`};delete r.items,Object.assign(r,{type:t,source:e,end:[n]});break}default:{let s="indent"in r?r.indent:-1,n="end"in r&&Array.isArray(r.end)?r.end.filter(i=>i.type==="space"||i.type==="comment"||i.type==="newline"):[];for(let i of Object.keys(r))i!=="type"&&i!=="offset"&&delete r[i];Object.assign(r,{type:t,indent:s,source:e,end:n})}}}vr.createScalarToken=Ip;vr.resolveAsScalar=Ep;vr.setScalarValue=Tp});var ga=w(ha=>{"use strict";var Cp=r=>"type"in r?$r(r):Ar(r);function $r(r){switch(r.type){case"block-scalar":{let e="";for(let t of r.props)e+=$r(t);return e+r.source}case"block-map":case"block-seq":{let e="";for(let t of r.items)e+=Ar(t);return e}case"flow-collection":{let e=r.start.source;for(let t of r.items)e+=Ar(t);for(let t of r.end)e+=t.source;return e}case"document":{let e=Ar(r);if(r.end)for(let t of r.end)e+=t.source;return e}default:{let e=r.source;if("end"in r&&r.end)for(let t of r.end)e+=t.source;return e}}}function Ar({start:r,key:e,sep:t,value:s}){let n="";for(let i of r)n+=i.source;if(e&&(n+=$r(e)),t)for(let i of t)n+=i.source;return s&&(n+=$r(s)),n}ha.stringify=Cp});var ka=w(Sa=>{"use strict";var dn=Symbol("break visit"),Lp=Symbol("skip children"),_a=Symbol("remove item");function $e(r,e){"type"in r&&r.type==="document"&&(r={start:r.start,value:r.value}),ba(Object.freeze([]),r,e)}$e.BREAK=dn;$e.SKIP=Lp;$e.REMOVE=_a;$e.itemAtPath=(r,e)=>{let t=r;for(let[s,n]of e){let i=t?.[s];if(i&&"items"in i)t=i.items[n];else return}return t};$e.parentCollection=(r,e)=>{let t=$e.itemAtPath(r,e.slice(0,-1)),s=e[e.length-1][0],n=t?.[s];if(n&&"items"in n)return n;throw new Error("Parent collection not found")};function ba(r,e,t){let s=t(e,r);if(typeof s=="symbol")return s;for(let n of["key","value"]){let i=e[n];if(i&&"items"in i){for(let o=0;o<i.items.length;++o){let a=ba(Object.freeze(r.concat([[n,o]])),i.items[o],t);if(typeof a=="number")o=a-1;else{if(a===dn)return dn;a===_a&&(i.items.splice(o,1),o-=1)}}typeof s=="function"&&n==="key"&&(s=s(e,r))}}return typeof s=="function"?s(e,r):s}Sa.visit=$e});var Or=w(U=>{"use strict";var mn=ya(),Pp=ga(),Mp=ka(),yn="\uFEFF",hn="",gn="",_n="",Rp=r=>!!r&&"items"in r,Dp=r=>!!r&&(r.type==="scalar"||r.type==="single-quoted-scalar"||r.type==="double-quoted-scalar"||r.type==="block-scalar");function xp(r){switch(r){case yn:return"<BOM>";case hn:return"<DOC>";case gn:return"<FLOW_END>";case _n:return"<SCALAR>";default:return JSON.stringify(r)}}function Yp(r){switch(r){case yn:return"byte-order-mark";case hn:return"doc-mode";case gn:return"flow-error-end";case _n:return"scalar";case"---":return"doc-start";case"...":return"doc-end";case"":case`
`:case`\r
`:return"newline";case"-":return"seq-item-ind";case"?":return"explicit-key-ind";case":":return"map-value-ind";case"{":return"flow-map-start";case"}":return"flow-map-end";case"[":return"flow-seq-start";case"]":return"flow-seq-end";case",":return"comma"}switch(r[0]){case" ":case"	":return"space";case"#":return"comment";case"%":return"directive-line";case"*":return"alias";case"&":return"anchor";case"!":return"tag";case"'":return"single-quoted-scalar";case'"':return"double-quoted-scalar";case"|":case">":return"block-scalar-header"}return null}U.createScalarToken=mn.createScalarToken;U.resolveAsScalar=mn.resolveAsScalar;U.setScalarValue=mn.setScalarValue;U.stringify=Pp.stringify;U.visit=Mp.visit;U.BOM=yn;U.DOCUMENT=hn;U.FLOW_END=gn;U.SCALAR=_n;U.isCollection=Rp;U.isScalar=Dp;U.prettyToken=xp;U.tokenType=Yp});var kn=w(va=>{"use strict";var St=Or();function X(r){switch(r){case void 0:case" ":case`
`:case"\r":case"	":return!0;default:return!1}}var wa=new Set("0123456789ABCDEFabcdef"),jp=new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()"),Nr=new Set(",[]{}"),Bp=new Set(` ,[]{}
\r	`),bn=r=>!r||Bp.has(r),Sn=class{constructor(){this.atEnd=!1,this.blockScalarIndent=-1,this.blockScalarKeep=!1,this.buffer="",this.flowKey=!1,this.flowLevel=0,this.indentNext=0,this.indentValue=0,this.lineEndPos=null,this.next=null,this.pos=0}*lex(e,t=!1){if(e){if(typeof e!="string")throw TypeError("source is not a string");this.buffer=this.buffer?this.buffer+e:e,this.lineEndPos=null}this.atEnd=!t;let s=this.next??"stream";for(;s&&(t||this.hasChars(1));)s=yield*this.parseNext(s)}atLineEnd(){let e=this.pos,t=this.buffer[e];for(;t===" "||t==="	";)t=this.buffer[++e];return!t||t==="#"||t===`
`?!0:t==="\r"?this.buffer[e+1]===`
`:!1}charAt(e){return this.buffer[this.pos+e]}continueScalar(e){let t=this.buffer[e];if(this.indentNext>0){let s=0;for(;t===" ";)t=this.buffer[++s+e];if(t==="\r"){let n=this.buffer[s+e+1];if(n===`
`||!n&&!this.atEnd)return e+s+1}return t===`
`||s>=this.indentNext||!t&&!this.atEnd?e+s:-1}if(t==="-"||t==="."){let s=this.buffer.substr(e,3);if((s==="---"||s==="...")&&X(this.buffer[e+3]))return-1}return e}getLine(){let e=this.lineEndPos;return(typeof e!="number"||e!==-1&&e<this.pos)&&(e=this.buffer.indexOf(`
`,this.pos),this.lineEndPos=e),e===-1?this.atEnd?this.buffer.substring(this.pos):null:(this.buffer[e-1]==="\r"&&(e-=1),this.buffer.substring(this.pos,e))}hasChars(e){return this.pos+e<=this.buffer.length}setNext(e){return this.buffer=this.buffer.substring(this.pos),this.pos=0,this.lineEndPos=null,this.next=e,null}peek(e){return this.buffer.substr(this.pos,e)}*parseNext(e){switch(e){case"stream":return yield*this.parseStream();case"line-start":return yield*this.parseLineStart();case"block-start":return yield*this.parseBlockStart();case"doc":return yield*this.parseDocument();case"flow":return yield*this.parseFlowCollection();case"quoted-scalar":return yield*this.parseQuotedScalar();case"block-scalar":return yield*this.parseBlockScalar();case"plain-scalar":return yield*this.parsePlainScalar()}}*parseStream(){let e=this.getLine();if(e===null)return this.setNext("stream");if(e[0]===St.BOM&&(yield*this.pushCount(1),e=e.substring(1)),e[0]==="%"){let t=e.length,s=e.indexOf("#");for(;s!==-1;){let i=e[s-1];if(i===" "||i==="	"){t=s-1;break}else s=e.indexOf("#",s+1)}for(;;){let i=e[t-1];if(i===" "||i==="	")t-=1;else break}let n=(yield*this.pushCount(t))+(yield*this.pushSpaces(!0));return yield*this.pushCount(e.length-n),this.pushNewline(),"stream"}if(this.atLineEnd()){let t=yield*this.pushSpaces(!0);return yield*this.pushCount(e.length-t),yield*this.pushNewline(),"stream"}return yield St.DOCUMENT,yield*this.parseLineStart()}*parseLineStart(){let e=this.charAt(0);if(!e&&!this.atEnd)return this.setNext("line-start");if(e==="-"||e==="."){if(!this.atEnd&&!this.hasChars(4))return this.setNext("line-start");let t=this.peek(3);if((t==="---"||t==="...")&&X(this.charAt(3)))return yield*this.pushCount(3),this.indentValue=0,this.indentNext=0,t==="---"?"doc":"stream"}return this.indentValue=yield*this.pushSpaces(!1),this.indentNext>this.indentValue&&!X(this.charAt(1))&&(this.indentNext=this.indentValue),yield*this.parseBlockStart()}*parseBlockStart(){let[e,t]=this.peek(2);if(!t&&!this.atEnd)return this.setNext("block-start");if((e==="-"||e==="?"||e===":")&&X(t)){let s=(yield*this.pushCount(1))+(yield*this.pushSpaces(!0));return this.indentNext=this.indentValue+1,this.indentValue+=s,"block-start"}return"doc"}*parseDocument(){yield*this.pushSpaces(!0);let e=this.getLine();if(e===null)return this.setNext("doc");let t=yield*this.pushIndicators();switch(e[t]){case"#":yield*this.pushCount(e.length-t);case void 0:return yield*this.pushNewline(),yield*this.parseLineStart();case"{":case"[":return yield*this.pushCount(1),this.flowKey=!1,this.flowLevel=1,"flow";case"}":case"]":return yield*this.pushCount(1),"doc";case"*":return yield*this.pushUntil(bn),"doc";case'"':case"'":return yield*this.parseQuotedScalar();case"|":case">":return t+=yield*this.parseBlockScalarHeader(),t+=yield*this.pushSpaces(!0),yield*this.pushCount(e.length-t),yield*this.pushNewline(),yield*this.parseBlockScalar();default:return yield*this.parsePlainScalar()}}*parseFlowCollection(){let e,t,s=-1;do e=yield*this.pushNewline(),e>0?(t=yield*this.pushSpaces(!1),this.indentValue=s=t):t=0,t+=yield*this.pushSpaces(!0);while(e+t>0);let n=this.getLine();if(n===null)return this.setNext("flow");if((s!==-1&&s<this.indentNext&&n[0]!=="#"||s===0&&(n.startsWith("---")||n.startsWith("..."))&&X(n[3]))&&!(s===this.indentNext-1&&this.flowLevel===1&&(n[0]==="]"||n[0]==="}")))return this.flowLevel=0,yield St.FLOW_END,yield*this.parseLineStart();let i=0;for(;n[i]===",";)i+=yield*this.pushCount(1),i+=yield*this.pushSpaces(!0),this.flowKey=!1;switch(i+=yield*this.pushIndicators(),n[i]){case void 0:return"flow";case"#":return yield*this.pushCount(n.length-i),"flow";case"{":case"[":return yield*this.pushCount(1),this.flowKey=!1,this.flowLevel+=1,"flow";case"}":case"]":return yield*this.pushCount(1),this.flowKey=!0,this.flowLevel-=1,this.flowLevel?"flow":"doc";case"*":return yield*this.pushUntil(bn),"flow";case'"':case"'":return this.flowKey=!0,yield*this.parseQuotedScalar();case":":{let o=this.charAt(1);if(this.flowKey||X(o)||o===",")return this.flowKey=!1,yield*this.pushCount(1),yield*this.pushSpaces(!0),"flow"}default:return this.flowKey=!1,yield*this.parsePlainScalar()}}*parseQuotedScalar(){let e=this.charAt(0),t=this.buffer.indexOf(e,this.pos+1);if(e==="'")for(;t!==-1&&this.buffer[t+1]==="'";)t=this.buffer.indexOf("'",t+2);else for(;t!==-1;){let i=0;for(;this.buffer[t-1-i]==="\\";)i+=1;if(i%2===0)break;t=this.buffer.indexOf('"',t+1)}let s=this.buffer.substring(0,t),n=s.indexOf(`
`,this.pos);if(n!==-1){for(;n!==-1;){let i=this.continueScalar(n+1);if(i===-1)break;n=s.indexOf(`
`,i)}n!==-1&&(t=n-(s[n-1]==="\r"?2:1))}if(t===-1){if(!this.atEnd)return this.setNext("quoted-scalar");t=this.buffer.length}return yield*this.pushToIndex(t+1,!1),this.flowLevel?"flow":"doc"}*parseBlockScalarHeader(){this.blockScalarIndent=-1,this.blockScalarKeep=!1;let e=this.pos;for(;;){let t=this.buffer[++e];if(t==="+")this.blockScalarKeep=!0;else if(t>"0"&&t<="9")this.blockScalarIndent=Number(t)-1;else if(t!=="-")break}return yield*this.pushUntil(t=>X(t)||t==="#")}*parseBlockScalar(){let e=this.pos-1,t=0,s;e:for(let i=this.pos;s=this.buffer[i];++i)switch(s){case" ":t+=1;break;case`
`:e=i,t=0;break;case"\r":{let o=this.buffer[i+1];if(!o&&!this.atEnd)return this.setNext("block-scalar");if(o===`
`)break}default:break e}if(!s&&!this.atEnd)return this.setNext("block-scalar");if(t>=this.indentNext){this.blockScalarIndent===-1?this.indentNext=t:this.indentNext=this.blockScalarIndent+(this.indentNext===0?1:this.indentNext);do{let i=this.continueScalar(e+1);if(i===-1)break;e=this.buffer.indexOf(`
`,i)}while(e!==-1);if(e===-1){if(!this.atEnd)return this.setNext("block-scalar");e=this.buffer.length}}let n=e+1;for(s=this.buffer[n];s===" ";)s=this.buffer[++n];if(s==="	"){for(;s==="	"||s===" "||s==="\r"||s===`
`;)s=this.buffer[++n];e=n-1}else if(!this.blockScalarKeep)do{let i=e-1,o=this.buffer[i];o==="\r"&&(o=this.buffer[--i]);let a=i;for(;o===" ";)o=this.buffer[--i];if(o===`
`&&i>=this.pos&&i+1+t>a)e=i;else break}while(!0);return yield St.SCALAR,yield*this.pushToIndex(e+1,!0),yield*this.parseLineStart()}*parsePlainScalar(){let e=this.flowLevel>0,t=this.pos-1,s=this.pos-1,n;for(;n=this.buffer[++s];)if(n===":"){let i=this.buffer[s+1];if(X(i)||e&&Nr.has(i))break;t=s}else if(X(n)){let i=this.buffer[s+1];if(n==="\r"&&(i===`
`?(s+=1,n=`
`,i=this.buffer[s+1]):t=s),i==="#"||e&&Nr.has(i))break;if(n===`
`){let o=this.continueScalar(s+1);if(o===-1)break;s=Math.max(s,o-2)}}else{if(e&&Nr.has(n))break;t=s}return!n&&!this.atEnd?this.setNext("plain-scalar"):(yield St.SCALAR,yield*this.pushToIndex(t+1,!0),e?"flow":"doc")}*pushCount(e){return e>0?(yield this.buffer.substr(this.pos,e),this.pos+=e,e):0}*pushToIndex(e,t){let s=this.buffer.slice(this.pos,e);return s?(yield s,this.pos+=s.length,s.length):(t&&(yield""),0)}*pushIndicators(){let e=0;e:for(;;){switch(this.charAt(0)){case"!":e+=yield*this.pushTag(),e+=yield*this.pushSpaces(!0);continue e;case"&":e+=yield*this.pushUntil(bn),e+=yield*this.pushSpaces(!0);continue e;case"-":case"?":case":":{let t=this.flowLevel>0,s=this.charAt(1);if(X(s)||t&&Nr.has(s)){t?this.flowKey&&(this.flowKey=!1):this.indentNext=this.indentValue+1,e+=yield*this.pushCount(1),e+=yield*this.pushSpaces(!0);continue e}}}break e}return e}*pushTag(){if(this.charAt(1)==="<"){let e=this.pos+2,t=this.buffer[e];for(;!X(t)&&t!==">";)t=this.buffer[++e];return yield*this.pushToIndex(t===">"?e+1:e,!1)}else{let e=this.pos+1,t=this.buffer[e];for(;t;)if(jp.has(t))t=this.buffer[++e];else if(t==="%"&&wa.has(this.buffer[e+1])&&wa.has(this.buffer[e+2]))t=this.buffer[e+=3];else break;return yield*this.pushToIndex(e,!1)}}*pushNewline(){let e=this.buffer[this.pos];return e===`
`?yield*this.pushCount(1):e==="\r"&&this.charAt(1)===`
`?yield*this.pushCount(2):0}*pushSpaces(e){let t=this.pos-1,s;do s=this.buffer[++t];while(s===" "||e&&s==="	");let n=t-this.pos;return n>0&&(yield this.buffer.substr(this.pos,n),this.pos=t),n}*pushUntil(e){let t=this.pos,s=this.buffer[t];for(;!e(s);)s=this.buffer[++t];return yield*this.pushToIndex(t,!1)}};va.Lexer=Sn});var vn=w(Aa=>{"use strict";var wn=class{constructor(){this.lineStarts=[],this.addNewLine=e=>this.lineStarts.push(e),this.linePos=e=>{let t=0,s=this.lineStarts.length;for(;t<s;){let i=t+s>>1;this.lineStarts[i]<e?t=i+1:s=i}if(this.lineStarts[t]===e)return{line:t+1,col:1};if(t===0)return{line:0,col:e};let n=this.lineStarts[t-1];return{line:t,col:e-n+1}}}};Aa.LineCounter=wn});var $n=w(Ia=>{"use strict";var Fp=Ct("process"),$a=Or(),Vp=kn();function ye(r,e){for(let t=0;t<r.length;++t)if(r[t].type===e)return!0;return!1}function Oa(r){for(let e=0;e<r.length;++e)switch(r[e].type){case"space":case"comment":case"newline":break;default:return e}return-1}function Ea(r){switch(r?.type){case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":case"flow-collection":return!0;default:return!1}}function Er(r){switch(r.type){case"document":return r.start;case"block-map":{let e=r.items[r.items.length-1];return e.sep??e.start}case"block-seq":return r.items[r.items.length-1].start;default:return[]}}function Ye(r){if(r.length===0)return[];let e=r.length;e:for(;--e>=0;)switch(r[e].type){case"doc-start":case"explicit-key-ind":case"map-value-ind":case"seq-item-ind":case"newline":break e}for(;r[++e]?.type==="space";);return r.splice(e,r.length)}function Ir(r,e){if(e.length<1e5)Array.prototype.push.apply(r,e);else for(let t=0;t<e.length;++t)r.push(e[t])}function Na(r){if(r.start.type==="flow-seq-start")for(let e of r.items)e.sep&&!e.value&&!ye(e.start,"explicit-key-ind")&&!ye(e.sep,"map-value-ind")&&(e.key&&(e.value=e.key),delete e.key,Ea(e.value)?e.value.end?Ir(e.value.end,e.sep):e.value.end=e.sep:Ir(e.start,e.sep),delete e.sep)}var An=class{constructor(e){this.atNewLine=!0,this.atScalar=!1,this.indent=0,this.offset=0,this.onKeyLine=!1,this.stack=[],this.source="",this.type="",this.lexer=new Vp.Lexer,this.onNewLine=e}*parse(e,t=!1){this.onNewLine&&this.offset===0&&this.onNewLine(0);for(let s of this.lexer.lex(e,t))yield*this.next(s);t||(yield*this.end())}*next(e){if(this.source=e,Fp.env.LOG_TOKENS&&console.log("|",$a.prettyToken(e)),this.atScalar){this.atScalar=!1,yield*this.step(),this.offset+=e.length;return}let t=$a.tokenType(e);if(t)if(t==="scalar")this.atNewLine=!1,this.atScalar=!0,this.type="scalar";else{switch(this.type=t,yield*this.step(),t){case"newline":this.atNewLine=!0,this.indent=0,this.onNewLine&&this.onNewLine(this.offset+e.length);break;case"space":this.atNewLine&&e[0]===" "&&(this.indent+=e.length);break;case"explicit-key-ind":case"map-value-ind":case"seq-item-ind":this.atNewLine&&(this.indent+=e.length);break;case"doc-mode":case"flow-error-end":return;default:this.atNewLine=!1}this.offset+=e.length}else{let s=`Not a YAML token: ${e}`;yield*this.pop({type:"error",offset:this.offset,message:s,source:e}),this.offset+=e.length}}*end(){for(;this.stack.length>0;)yield*this.pop()}get sourceToken(){return{type:this.type,offset:this.offset,indent:this.indent,source:this.source}}*step(){let e=this.peek(1);if(this.type==="doc-end"&&e?.type!=="doc-end"){for(;this.stack.length>0;)yield*this.pop();this.stack.push({type:"doc-end",offset:this.offset,source:this.source});return}if(!e)return yield*this.stream();switch(e.type){case"document":return yield*this.document(e);case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":return yield*this.scalar(e);case"block-scalar":return yield*this.blockScalar(e);case"block-map":return yield*this.blockMap(e);case"block-seq":return yield*this.blockSequence(e);case"flow-collection":return yield*this.flowCollection(e);case"doc-end":return yield*this.documentEnd(e)}yield*this.pop()}peek(e){return this.stack[this.stack.length-e]}*pop(e){let t=e??this.stack.pop();if(!t)yield{type:"error",offset:this.offset,source:"",message:"Tried to pop an empty stack"};else if(this.stack.length===0)yield t;else{let s=this.peek(1);switch(t.type==="block-scalar"?t.indent="indent"in s?s.indent:0:t.type==="flow-collection"&&s.type==="document"&&(t.indent=0),t.type==="flow-collection"&&Na(t),s.type){case"document":s.value=t;break;case"block-scalar":s.props.push(t);break;case"block-map":{let n=s.items[s.items.length-1];if(n.value){s.items.push({start:[],key:t,sep:[]}),this.onKeyLine=!0;return}else if(n.sep)n.value=t;else{Object.assign(n,{key:t,sep:[]}),this.onKeyLine=!n.explicitKey;return}break}case"block-seq":{let n=s.items[s.items.length-1];n.value?s.items.push({start:[],value:t}):n.value=t;break}case"flow-collection":{let n=s.items[s.items.length-1];!n||n.value?s.items.push({start:[],key:t,sep:[]}):n.sep?n.value=t:Object.assign(n,{key:t,sep:[]});return}default:yield*this.pop(),yield*this.pop(t)}if((s.type==="document"||s.type==="block-map"||s.type==="block-seq")&&(t.type==="block-map"||t.type==="block-seq")){let n=t.items[t.items.length-1];n&&!n.sep&&!n.value&&n.start.length>0&&Oa(n.start)===-1&&(t.indent===0||n.start.every(i=>i.type!=="comment"||i.indent<t.indent))&&(s.type==="document"?s.end=n.start:s.items.push({start:n.start}),t.items.splice(-1,1))}}}*stream(){switch(this.type){case"directive-line":yield{type:"directive",offset:this.offset,source:this.source};return;case"byte-order-mark":case"space":case"comment":case"newline":yield this.sourceToken;return;case"doc-mode":case"doc-start":{let e={type:"document",offset:this.offset,start:[]};this.type==="doc-start"&&e.start.push(this.sourceToken),this.stack.push(e);return}}yield{type:"error",offset:this.offset,message:`Unexpected ${this.type} token in YAML stream`,source:this.source}}*document(e){if(e.value)return yield*this.lineEnd(e);switch(this.type){case"doc-start":{Oa(e.start)!==-1?(yield*this.pop(),yield*this.step()):e.start.push(this.sourceToken);return}case"anchor":case"tag":case"space":case"comment":case"newline":e.start.push(this.sourceToken);return}let t=this.startBlockValue(e);t?this.stack.push(t):yield{type:"error",offset:this.offset,message:`Unexpected ${this.type} token in YAML document`,source:this.source}}*scalar(e){if(this.type==="map-value-ind"){let t=Er(this.peek(2)),s=Ye(t),n;e.end?(n=e.end,n.push(this.sourceToken),delete e.end):n=[this.sourceToken];let i={type:"block-map",offset:e.offset,indent:e.indent,items:[{start:s,key:e,sep:n}]};this.onKeyLine=!0,this.stack[this.stack.length-1]=i}else yield*this.lineEnd(e)}*blockScalar(e){switch(this.type){case"space":case"comment":case"newline":e.props.push(this.sourceToken);return;case"scalar":if(e.source=this.source,this.atNewLine=!0,this.indent=0,this.onNewLine){let t=this.source.indexOf(`
`)+1;for(;t!==0;)this.onNewLine(this.offset+t),t=this.source.indexOf(`
`,t)+1}yield*this.pop();break;default:yield*this.pop(),yield*this.step()}}*blockMap(e){let t=e.items[e.items.length-1];switch(this.type){case"newline":if(this.onKeyLine=!1,t.value){let s="end"in t.value?t.value.end:void 0;(Array.isArray(s)?s[s.length-1]:void 0)?.type==="comment"?s?.push(this.sourceToken):e.items.push({start:[this.sourceToken]})}else t.sep?t.sep.push(this.sourceToken):t.start.push(this.sourceToken);return;case"space":case"comment":if(t.value)e.items.push({start:[this.sourceToken]});else if(t.sep)t.sep.push(this.sourceToken);else{if(this.atIndentedComment(t.start,e.indent)){let n=e.items[e.items.length-2]?.value?.end;if(Array.isArray(n)){Ir(n,t.start),n.push(this.sourceToken),e.items.pop();return}}t.start.push(this.sourceToken)}return}if(this.indent>=e.indent){let s=!this.onKeyLine&&this.indent===e.indent,n=s&&(t.sep||t.explicitKey)&&this.type!=="seq-item-ind",i=[];if(n&&t.sep&&!t.value){let o=[];for(let a=0;a<t.sep.length;++a){let l=t.sep[a];switch(l.type){case"newline":o.push(a);break;case"space":break;case"comment":l.indent>e.indent&&(o.length=0);break;default:o.length=0}}o.length>=2&&(i=t.sep.splice(o[1]))}switch(this.type){case"anchor":case"tag":n||t.value?(i.push(this.sourceToken),e.items.push({start:i}),this.onKeyLine=!0):t.sep?t.sep.push(this.sourceToken):t.start.push(this.sourceToken);return;case"explicit-key-ind":!t.sep&&!t.explicitKey?(t.start.push(this.sourceToken),t.explicitKey=!0):n||t.value?(i.push(this.sourceToken),e.items.push({start:i,explicitKey:!0})):this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:[this.sourceToken],explicitKey:!0}]}),this.onKeyLine=!0;return;case"map-value-ind":if(t.explicitKey)if(t.sep)if(t.value)e.items.push({start:[],key:null,sep:[this.sourceToken]});else if(ye(t.sep,"map-value-ind"))this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:i,key:null,sep:[this.sourceToken]}]});else if(Ea(t.key)&&!ye(t.sep,"newline")){let o=Ye(t.start),a=t.key,l=t.sep;l.push(this.sourceToken),delete t.key,delete t.sep,this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:o,key:a,sep:l}]})}else i.length>0?t.sep=t.sep.concat(i,this.sourceToken):t.sep.push(this.sourceToken);else if(ye(t.start,"newline"))Object.assign(t,{key:null,sep:[this.sourceToken]});else{let o=Ye(t.start);this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:o,key:null,sep:[this.sourceToken]}]})}else t.sep?t.value||n?e.items.push({start:i,key:null,sep:[this.sourceToken]}):ye(t.sep,"map-value-ind")?this.stack.push({type:"block-map",offset:this.offset,indent:this.indent,items:[{start:[],key:null,sep:[this.sourceToken]}]}):t.sep.push(this.sourceToken):Object.assign(t,{key:null,sep:[this.sourceToken]});this.onKeyLine=!0;return;case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":{let o=this.flowScalar(this.type);n||t.value?(e.items.push({start:i,key:o,sep:[]}),this.onKeyLine=!0):t.sep?this.stack.push(o):(Object.assign(t,{key:o,sep:[]}),this.onKeyLine=!0);return}default:{let o=this.startBlockValue(e);if(o){if(o.type==="block-seq"){if(!t.explicitKey&&t.sep&&!ye(t.sep,"newline")){yield*this.pop({type:"error",offset:this.offset,message:"Unexpected block-seq-ind on same line with key",source:this.source});return}}else s&&e.items.push({start:i});this.stack.push(o);return}}}}yield*this.pop(),yield*this.step()}*blockSequence(e){let t=e.items[e.items.length-1];switch(this.type){case"newline":if(t.value){let s="end"in t.value?t.value.end:void 0;(Array.isArray(s)?s[s.length-1]:void 0)?.type==="comment"?s?.push(this.sourceToken):e.items.push({start:[this.sourceToken]})}else t.start.push(this.sourceToken);return;case"space":case"comment":if(t.value)e.items.push({start:[this.sourceToken]});else{if(this.atIndentedComment(t.start,e.indent)){let n=e.items[e.items.length-2]?.value?.end;if(Array.isArray(n)){Ir(n,t.start),n.push(this.sourceToken),e.items.pop();return}}t.start.push(this.sourceToken)}return;case"anchor":case"tag":if(t.value||this.indent<=e.indent)break;t.start.push(this.sourceToken);return;case"seq-item-ind":if(this.indent!==e.indent)break;t.value||ye(t.start,"seq-item-ind")?e.items.push({start:[this.sourceToken]}):t.start.push(this.sourceToken);return}if(this.indent>e.indent){let s=this.startBlockValue(e);if(s){this.stack.push(s);return}}yield*this.pop(),yield*this.step()}*flowCollection(e){let t=e.items[e.items.length-1];if(this.type==="flow-error-end"){let s;do yield*this.pop(),s=this.peek(1);while(s?.type==="flow-collection")}else if(e.end.length===0){switch(this.type){case"comma":case"explicit-key-ind":!t||t.sep?e.items.push({start:[this.sourceToken]}):t.start.push(this.sourceToken);return;case"map-value-ind":!t||t.value?e.items.push({start:[],key:null,sep:[this.sourceToken]}):t.sep?t.sep.push(this.sourceToken):Object.assign(t,{key:null,sep:[this.sourceToken]});return;case"space":case"comment":case"newline":case"anchor":case"tag":!t||t.value?e.items.push({start:[this.sourceToken]}):t.sep?t.sep.push(this.sourceToken):t.start.push(this.sourceToken);return;case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":{let n=this.flowScalar(this.type);!t||t.value?e.items.push({start:[],key:n,sep:[]}):t.sep?this.stack.push(n):Object.assign(t,{key:n,sep:[]});return}case"flow-map-end":case"flow-seq-end":e.end.push(this.sourceToken);return}let s=this.startBlockValue(e);s?this.stack.push(s):(yield*this.pop(),yield*this.step())}else{let s=this.peek(2);if(s.type==="block-map"&&(this.type==="map-value-ind"&&s.indent===e.indent||this.type==="newline"&&!s.items[s.items.length-1].sep))yield*this.pop(),yield*this.step();else if(this.type==="map-value-ind"&&s.type!=="flow-collection"){let n=Er(s),i=Ye(n);Na(e);let o=e.end.splice(1,e.end.length);o.push(this.sourceToken);let a={type:"block-map",offset:e.offset,indent:e.indent,items:[{start:i,key:e,sep:o}]};this.onKeyLine=!0,this.stack[this.stack.length-1]=a}else yield*this.lineEnd(e)}}flowScalar(e){if(this.onNewLine){let t=this.source.indexOf(`
`)+1;for(;t!==0;)this.onNewLine(this.offset+t),t=this.source.indexOf(`
`,t)+1}return{type:e,offset:this.offset,indent:this.indent,source:this.source}}startBlockValue(e){switch(this.type){case"alias":case"scalar":case"single-quoted-scalar":case"double-quoted-scalar":return this.flowScalar(this.type);case"block-scalar-header":return{type:"block-scalar",offset:this.offset,indent:this.indent,props:[this.sourceToken],source:""};case"flow-map-start":case"flow-seq-start":return{type:"flow-collection",offset:this.offset,indent:this.indent,start:this.sourceToken,items:[],end:[]};case"seq-item-ind":return{type:"block-seq",offset:this.offset,indent:this.indent,items:[{start:[this.sourceToken]}]};case"explicit-key-ind":{this.onKeyLine=!0;let t=Er(e),s=Ye(t);return s.push(this.sourceToken),{type:"block-map",offset:this.offset,indent:this.indent,items:[{start:s,explicitKey:!0}]}}case"map-value-ind":{this.onKeyLine=!0;let t=Er(e),s=Ye(t);return{type:"block-map",offset:this.offset,indent:this.indent,items:[{start:s,key:null,sep:[this.sourceToken]}]}}}return null}atIndentedComment(e,t){return this.type!=="comment"||this.indent<=t?!1:e.every(s=>s.type==="newline"||s.type==="space")}*documentEnd(e){this.type!=="doc-mode"&&(e.end?e.end.push(this.sourceToken):e.end=[this.sourceToken],this.type==="newline"&&(yield*this.pop()))}*lineEnd(e){switch(this.type){case"comma":case"doc-start":case"doc-end":case"flow-seq-end":case"flow-map-end":case"map-value-ind":yield*this.pop(),yield*this.step();break;case"newline":this.onKeyLine=!1;default:e.end?e.end.push(this.sourceToken):e.end=[this.sourceToken],this.type==="newline"&&(yield*this.pop())}}};Ia.Parser=An});var Pa=w(wt=>{"use strict";var Ta=fn(),Kp=dt(),kt=ht(),Up=ls(),Jp=I(),Wp=vn(),qa=$n();function Ca(r){let e=r.prettyErrors!==!1;return{lineCounter:r.lineCounter||e&&new Wp.LineCounter||null,prettyErrors:e}}function Gp(r,e={}){let{lineCounter:t,prettyErrors:s}=Ca(e),n=new qa.Parser(t?.addNewLine),i=new Ta.Composer(e),o=Array.from(i.compose(n.parse(r)));if(s&&t)for(let a of o)a.errors.forEach(kt.prettifyError(r,t)),a.warnings.forEach(kt.prettifyError(r,t));return o.length>0?o:Object.assign([],{empty:!0},i.streamInfo())}function La(r,e={}){let{lineCounter:t,prettyErrors:s}=Ca(e),n=new qa.Parser(t?.addNewLine),i=new Ta.Composer(e),o=null;for(let a of i.compose(n.parse(r),!0,r.length))if(!o)o=a;else if(o.options.logLevel!=="silent"){o.errors.push(new kt.YAMLParseError(a.range.slice(0,2),"MULTIPLE_DOCS","Source contains multiple documents; please use YAML.parseAllDocuments()"));break}return s&&t&&(o.errors.forEach(kt.prettifyError(r,t)),o.warnings.forEach(kt.prettifyError(r,t))),o}function Hp(r,e,t){let s;typeof e=="function"?s=e:t===void 0&&e&&typeof e=="object"&&(t=e);let n=La(r,t);if(!n)return null;if(n.warnings.forEach(i=>Up.warn(n.options.logLevel,i)),n.errors.length>0){if(n.options.logLevel!=="silent")throw n.errors[0];n.errors=[]}return n.toJS(Object.assign({reviver:s},t))}function zp(r,e,t){let s=null;if(typeof e=="function"||Array.isArray(e)?s=e:t===void 0&&e&&(t=e),typeof t=="string"&&(t=t.length),typeof t=="number"){let n=Math.round(t);t=n<1?void 0:n>8?{indent:8}:{indent:n}}if(r===void 0){let{keepUndefined:n}=t??e??{};if(!n)return}return Jp.isDocument(r)&&!s?r.toString(t):new Kp.Document(r,s,t).toString(t)}wt.parse=Hp;wt.parseAllDocuments=Gp;wt.parseDocument=La;wt.stringify=zp});var Nn=w(T=>{"use strict";var Qp=fn(),Xp=dt(),Zp=Ks(),On=ht(),ed=Qe(),he=I(),td=fe(),rd=P(),sd=de(),nd=me(),id=Or(),od=kn(),ad=vn(),ld=$n(),Tr=Pa(),Ma=We();T.Composer=Qp.Composer;T.Document=Xp.Document;T.Schema=Zp.Schema;T.YAMLError=On.YAMLError;T.YAMLParseError=On.YAMLParseError;T.YAMLWarning=On.YAMLWarning;T.Alias=ed.Alias;T.isAlias=he.isAlias;T.isCollection=he.isCollection;T.isDocument=he.isDocument;T.isMap=he.isMap;T.isNode=he.isNode;T.isPair=he.isPair;T.isScalar=he.isScalar;T.isSeq=he.isSeq;T.Pair=td.Pair;T.Scalar=rd.Scalar;T.YAMLMap=sd.YAMLMap;T.YAMLSeq=nd.YAMLSeq;T.CST=id;T.Lexer=od.Lexer;T.LineCounter=ad.LineCounter;T.Parser=ld.Parser;T.parse=Tr.parse;T.parseAllDocuments=Tr.parseAllDocuments;T.parseDocument=Tr.parseDocument;T.stringify=Tr.stringify;T.visit=Ma.visit;T.visitAsync=Ma.visitAsync});var G=class extends Error{name="IsthmusError";code;retryable;constructor(e,t,s={}){let{retryable:n,...i}=s;super(t,i),this.code=e,this.retryable=n??!1}};var F=Jn(Nn(),1);var vt=new WeakMap;function En(r,e,t){let s={resolve:t,self:e,keys:new Map,values:new Map};return vt.set(r,s),s}function O(r,e){if(r===null||typeof r!="object")return;let t=vt.get(r);if(t)return e===void 0?t.resolve(t.self):t.resolve(t.values.get(e)??t.keys.get(e)??t.self)}function C(r,e){if(r===null||typeof r!="object")return;let t=vt.get(r);return t?t.resolve(t.keys.get(e)??t.values.get(e)??t.self):void 0}function Z(r,e){if(r!==null&&typeof r=="object"){let t=vt.get(r);t&&vt.set(e,t)}return e}var At={maxBytes:256*1024,maxDepth:128,maxNodes:2e5},je=class extends G{name="LimitExceeded";constructor(e){super("yaml.limit",e)}},cd=256*1024;function In(r,e,t,s=At){let n=(d=1,p=1)=>({file:e,line:d,column:p}),i=typeof r=="string"?Buffer.byteLength(r):r.byteLength;if(i>s.maxBytes){t.error("yaml.too-large",`file is ${i} bytes; the limit is ${s.maxBytes}`,n(),"split the blueprint into imported files");return}let o;if(typeof r=="string")o=r;else try{o=new TextDecoder("utf-8",{fatal:!0}).decode(r)}catch{t.error("yaml.encoding","file is not valid UTF-8",n(),"save the file as UTF-8");return}o.charCodeAt(0)===65279&&(o=o.slice(1));let a=Ra(o);if(o.length<=cd&&a.doc&&a.doc.errors.some(d=>d.code==="MISSING_CHAR")){let d=fd(o);if(d!==o){let p=Ra(d);p.doc&&p.doc.errors.length===0&&(a=p,t.warning("yaml.lenient-indent","a multi-line quoted string is not indented past its key; read as PyYAML reads it",n(),"indent continuation lines of quoted strings"))}}let{doc:l,lineCounter:c,error:y}=a;if(!l){t.error("yaml.syntax",`cannot parse YAML: ${y}`,n());return}let f=d=>{if(d===void 0||d<0)return n();let{line:p,col:h}=c.linePos(d);return n(p,h)};if(l.errors.length>0){for(let d of l.errors)t.error("yaml.syntax",d.message.split(`
`)[0]??d.message,f(d.pos[0]),"check indentation and quoting");return}for(let d of l.warnings)t.warning("yaml.warning",d.message.split(`
`)[0]??d.message,f(d.pos[0]));let u=0,m=(d,p,h)=>{if(++u>s.maxNodes)throw new je(`more than ${s.maxNodes} YAML nodes after alias expansion`);if(p>s.maxDepth)throw new je(`nesting deeper than ${s.maxDepth} levels`);if(d==null)return null;if((0,F.isAlias)(d)){let g=d.resolve(l);if(!g)return null;if(h.has(g))throw new je("recursive alias");h.add(g);try{return m(g,p+1,h)}finally{h.delete(g)}}if((0,F.isScalar)(d)){let g=d.value;return g==null?null:typeof g=="boolean"||typeof g=="string"||typeof g=="number"?g:typeof g=="bigint"?Number(g):g instanceof Date?g.toISOString():String(g)}if((0,F.isSeq)(d)){let g=[],k=En(g,d.range?.[0]??-1,f);return d.items.forEach((v,A)=>{let S=v;k.values.set(A,S?.range?.[0]??d.range?.[0]??-1),g.push(m(S,p+1,h))}),g}if((0,F.isMap)(d)){let g={},k=En(g,d.range?.[0]??-1,f),v=[];for(let A of d.items){if(!(0,F.isPair)(A))continue;let S=A.key;if((0,F.isScalar)(S)&&(S.source==="<<"||S.value==="<<")){v.push(m(A.value,p+1,h));continue}let N=S===null?null:m(S,p+1,h),b=N===null?"null":typeof N=="object"?JSON.stringify(N):String(N),E=S?.range?.[0]??-1;if(b==="__proto__"){t.error("yaml.reserved-key","'__proto__' cannot be a key (a node, input, type or property name)",f(E),"rename it");continue}Object.hasOwn(g,b)&&t.warning("yaml.duplicate-key",`duplicate key '${b}': the later value wins`,f(E),"remove one of the two entries");let j=A.value;k.keys.set(b,E),k.values.set(b,j?.range?j.range[0]:E),g[b]=m(j,p+1,h)}for(let A of v.flatMap(S=>Array.isArray(S)?S:[S]))if(A&&typeof A=="object"&&!Array.isArray(A))for(let[S,_]of Object.entries(A))Object.hasOwn(g,S)||(g[S]=_);return g}return null};try{return{value:m(l.contents,0,new Set),file:e}}catch(d){if(d instanceof je){t.error("yaml.limit",d.message,n(),"remove deep nesting or repeated aliases");return}if(d instanceof RangeError){t.error("yaml.limit","document too deeply nested",n());return}throw d}}var ud={tag:"tag:yaml.org,2002:bool",default:!0,test:/^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,resolve:r=>/^(?:yes|true|on)$/i.test(r)};function Ra(r){let e=new F.LineCounter;try{return{doc:(0,F.parseDocument)(r,{version:"1.1",merge:!0,uniqueKeys:!1,lineCounter:e,prettyErrors:!1,customTags:s=>[ud,...s.filter(n=>typeof n=="object"&&"tag"in n&&n.tag!=="tag:yaml.org,2002:timestamp"&&n.tag!=="tag:yaml.org,2002:bool")]}),lineCounter:e}}catch(t){return{lineCounter:e,error:t.message}}}function fd(r){let e=r.split(`
`);for(let t=0;t<e.length;t++){let s=/^(\s*(?:- )?)[^\s#'"][^:#]*:\s+(['"])(.*)$/.exec(e[t]);if(!s)continue;let n=s[2];if(Da(s[3],n))continue;let i=s[1].length+2,o=t+1;for(;o<e.length;o++){let a=e[o],l=a.length-a.trimStart().length;if(a.trim()!==""&&l<i&&(e[o]=" ".repeat(i-l)+a),Da(a,n))break}t=o}return e.join(`
`)}function Da(r,e){return e==="'"?(r.replace(/''/g,"").match(/'/g)??[]).length%2===1:(r.replace(/\\./g,"").match(/"/g)??[]).length%2===1}function $(r){return r!==null&&typeof r=="object"&&!Array.isArray(r)}var $t=class extends G{name="BlueprintError";diagnostics;constructor(e,t="blueprint.invalid"){let s=e.filter(i=>i.severity==="error"),n=s[0]??e[0];super(t,n?`${Ba(n)}${s.length>1?` (and ${s.length-1} more)`:""}`:"invalid blueprint"),this.diagnostics=e}get isUnsupported(){let e=this.diagnostics.filter(t=>t.severity==="error");return e.length>0&&e.every(t=>Ya.has(t.code))}},Ya=new Set(["import.remote-url","import.unknown-plugin","import.blueprint-unmapped"]);function ja(r){return r?`${r.file}:${r.line}:${r.column}`:"<blueprint>"}function Ba(r){let e=r.hint?` (hint: ${r.hint})`:"",t=r.severity==="warning"?"warning ":"";return`${ja(r.position)}: ${t}${r.code}: ${r.message}${e}`}var Be=class{items=[];error(e,t,s,n){this.items.push(xa({code:e,message:t,severity:"error"},s,n))}warning(e,t,s,n){this.items.push(xa({code:e,message:t,severity:"warning"},s,n))}get hasErrors(){return this.items.some(e=>e.severity==="error")}get errorCount(){return this.items.filter(e=>e.severity==="error").length}throwIfErrors(){if(this.hasErrors)throw new $t(qr(this.items))}};function xa(r,e,t){let s={...r};return e&&(s.position=e),t&&(s.hint=t),s}function qr(r){return[...r].sort((e,t)=>{let s=e.position?.file??"",n=t.position?.file??"";return s!==n?s<n?-1:1:(e.position?.line??0)-(t.position?.line??0)||(e.position?.column??0)-(t.position?.column??0)})}import{isDeepStrictEqual as Pd}from"node:util";import{existsSync as vd,readFileSync as Ad,realpathSync as $d,statSync as Rr}from"node:fs";import M from"node:path";var Fa=`
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
      store_facts: { type: boolean, default: true }`,pd=["ansible_playbook_executable_path","extra_packages","galaxy_collections","roles","playbook_source_path","playbook_path","site_yaml_path","save_playbook","remerge_sources","sources","run_data","sensitive_keys","options_config","ansible_env_vars","debug_level","additional_args","start_at_task","scp_extra_args","sftp_extra_args","ssh_common_args","ssh_extra_args","timeout","tags","auto_tags","number_of_attempts","store_facts"],Fe=(r,e,t)=>pd.map(s=>`${t}${s}: { default: { ${r}: [ ${e}, ${s} ] } }`).join(`
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
`;var oe="aws.cloudify_aws",dd=`
          inputs:
            aws_resource_id: { type: string, required: false, default: null, description: 'Overrides resource_id for this operation.' }
            runtime_properties: { required: false, default: null, description: 'Merged into the instance''s runtime properties.' }
            force_operation: { required: false, default: false, description: 'Run even when use_external_resource is true.' }
            resource_config: { required: false, default: {}, description: 'Merged over the node''s resource_config for this call.' }`;function md(r,e=!0){return Object.entries(r).map(([t,s])=>`        ${t}:
          implementation: ${s.startsWith("aws.")?s:`${oe}.${s}`}${e?dd:""}`).join(`
`)}var yd=`
      cloudify.interfaces.validation:
        check_status: { implementation: ${oe}.workflows.check_status.check_status }`,Ja=`
      use_external_resource: { type: boolean, default: false, description: 'Adopt an existing resource (resource_id) instead of creating one; it is left in place on uninstall.' }
      client_config: { type: cloudify.datatypes.aws.ConnectionConfig, required: false, description: 'Region and credentials; the step''s own AWS identity is used when no keys are given.' }
      resource_id: { type: string, default: '', description: 'The id (or name) of an existing resource to adopt.' }`,Ua=`
      resource_config: { required: false, default: {}, description: 'Parameters of the AWS API call, in the API''s own case (CidrBlock, \u2026); a kwargs map is merged in, as in Cloudify.' }`,ee="cloudify.nodes.aws.ec2.BaseType",hd={"cloudify.nodes.aws.ec2.Vpc":{derivedFrom:ee,validation:!0,ops:{precreate:"ec2.resources.vpc.prepare",create:"ec2.resources.vpc.create",poststart:"ec2.resources.vpc.poststart",delete:"ec2.resources.vpc.delete",modify_vpc_attribute:"ec2.resources.vpc.modify_vpc_attribute"}},"cloudify.nodes.aws.ec2.Subnet":{derivedFrom:ee,validation:!0,properties:`
      use_available_zones: { type: boolean, required: false, description: 'Ignored by Isthmus: the subnet is created in the zone given.' }`,ops:{precreate:"ec2.resources.subnet.prepare",create:"ec2.resources.subnet.create",poststart:"ec2.resources.subnet.poststart",delete:"ec2.resources.subnet.delete",modify_subnet_attribute:"ec2.resources.subnet.modify_subnet_attribute"}},"cloudify.nodes.aws.ec2.SecurityGroup":{derivedFrom:ee,validation:!0,ops:{precreate:"ec2.resources.securitygroup.prepare",create:"ec2.resources.securitygroup.create",poststart:"ec2.resources.securitygroup.poststart",delete:"ec2.resources.securitygroup.delete"}},"cloudify.nodes.aws.ec2.SecurityGroupRuleIngress":{ops:{start:"ec2.resources.securitygroup.authorize_ingress_rules",poststart:"ec2.resources.securitygroup.poststart_authorize",stop:"ec2.resources.securitygroup.revoke_ingress_rules"}},"cloudify.nodes.aws.ec2.SecurityGroupRuleEgress":{ops:{start:"ec2.resources.securitygroup.authorize_egress_rules",poststart:"ec2.resources.securitygroup.poststart_authorize",stop:"ec2.resources.securitygroup.revoke_egress_rules"}},"cloudify.nodes.aws.ec2.InternetGateway":{derivedFrom:ee,validation:!0,ops:{precreate:"ec2.resources.internet_gateway.prepare",create:"ec2.resources.internet_gateway.create",start:"ec2.resources.internet_gateway.attach",stop:"ec2.resources.internet_gateway.detach",delete:"ec2.resources.internet_gateway.delete"}},"cloudify.nodes.aws.ec2.NATGateway":{derivedFrom:ee,validation:!0,ops:{precreate:"ec2.resources.nat_gateway.prepare",create:"ec2.resources.nat_gateway.create",delete:"ec2.resources.nat_gateway.delete"}},"cloudify.nodes.aws.ec2.ElasticIP":{validation:!0,properties:`
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
      policy_arns: { type: list, default: [], description: 'Managed policies to attach: [{PolicyArn: \u2026}].' }`,ops:{precreate:"iam.resources.role.precreate",create:"iam.resources.role.create",delete:"iam.resources.role.delete"}},"cloudify.nodes.aws.eks.Cluster":{properties:`
      cloudify_tagging: { type: boolean, default: true, description: 'Tag the cluster with the deployment and instance that created it.' }
      store_kube_config_in_runtime: { type: boolean, default: true, description: 'Expose the kubeconfig in the runtime properties kubeconf and kubeconfig.' }`,validation:!0,ops:{precreate:"eks.resources.cluster.prepare",create:"eks.resources.cluster.create",poststart:"eks.resources.cluster.poststart",delete:"eks.resources.cluster.delete"}},"cloudify.nodes.aws.eks.NodeGroup":{properties:`
      cloudify_tagging: { type: boolean, default: true }
      drain_timeout: { type: integer, default: 600, description: 'Seconds heal waits for evictions (PodDisruptionBudgets) before giving up.' }
      force_drain: { type: boolean, default: false, description: 'After drain_timeout, delete the pods that could not be evicted instead of failing.' }`,validation:!0,ops:{precreate:"eks.resources.node_group.prepare",create:"eks.resources.node_group.create",start:"eks.resources.node_group.start",poststart:"eks.resources.node_group.poststart",delete:"eks.resources.node_group.delete",heal:"eks.resources.node_group.heal"},extraInterfaces:`
      isthmus.interfaces.scaling:
        # The scale workflow runs this instead of adding instances: scale with
        # scalable_entity_name=<this node> and delta=N changes the node group's desired size.
        resize:
          implementation: ${oe}.eks.resources.node_group.resize
          inputs:
            delta: { type: integer, default: 1 }`},"isthmus.nodes.aws.eks.Addon":{ops:{create:"eks.resources.addon.create",delete:"eks.resources.addon.delete"}},"cloudify.nodes.aws.route53.HostedZone":{ops:{precreate:"route53.resources.hosted_zone.prepare",create:"route53.resources.hosted_zone.create",delete:"route53.resources.hosted_zone.delete"}},"cloudify.nodes.aws.route53.RecordSet":{ops:{precreate:"route53.resources.record_set.prepare",create:"route53.resources.record_set.create",delete:"route53.resources.record_set.delete"}},"cloudify.nodes.aws.ec2.Interface":{derivedFrom:ee,validation:!0,ops:{precreate:"ec2.resources.eni.prepare",create:"ec2.resources.eni.create",start:"ec2.resources.eni.attach",poststart:"ec2.resources.eni.poststart",stop:"ec2.resources.eni.detach",delete:"ec2.resources.eni.delete",modify_network_interface_attribute:"ec2.resources.eni.modify_network_interface_attribute"}},"cloudify.nodes.aws.ec2.Instances":{derivedFrom:"cloudify.nodes.Compute",validation:!0,properties:`
      Tags: { required: false }
      cloudify_tagging: { type: boolean, default: true }
      use_ipv6_ip: { default: false }
      use_public_ip: { default: false }
      use_password: { default: false }`,ops:{precreate:"ec2.resources.instances.prepare",create:"ec2.resources.instances.create",start:"ec2.resources.instances.start",poststart:"ec2.resources.instances.poststart",stop:"ec2.resources.instances.stop",delete:"ec2.resources.instances.delete",modify_instance_attribute:"ec2.resources.instances.modify_instance_attribute"}},"cloudify.nodes.aws.ec2.Image":{properties:`
      use_external_resource: { type: boolean, default: true }`,ops:{precreate:"ec2.resources.image.prepare",create:"ec2.resources.image.create",delete:"ec2.resources.image.delete"}},"cloudify.nodes.aws.ec2.EBSAttachment":{ops:{prepare:"ec2.resources.ebs.prepare",create:"ec2.resources.ebs.attach",delete:"ec2.resources.ebs.detach"}},"cloudify.nodes.aws.CloudFormation.Stack":{ops:{precreate:"cloudformation.resources.stack.prepare",create:"cloudformation.resources.stack.create",start:"cloudformation.resources.stack.start",delete:"cloudformation.resources.stack.delete",pull:"cloudformation.resources.stack.pull"}}};function gd(r,e){let t=new Set([...(e??"").matchAll(/^\s+([A-Za-z_]+):/gm)].map(s=>s[1]));return r.split(`
`).filter(s=>!t.has(/^\s+([A-Za-z_]+):/.exec(s)?.[1])).join(`
`)}function _d(){return Object.entries(hd).map(([r,e])=>{let t=gd(Ja,e.properties),s=e.derivedFrom===ee?`${Ua}${e.properties??""}`:`${e.derivedFrom?"":t}${Ua}${e.properties??""}`,n=e.derivedFrom==="cloudify.nodes.Compute"?t:"";return`
  ${r}:
    derived_from: ${e.derivedFrom??"cloudify.nodes.Root"}
    properties:${n}${s}
    interfaces:${e.validation?yd:""}
      cloudify.interfaces.lifecycle:
${md(e.ops)}${e.extraInterfaces??""}
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
${_d()}
  cloudify.nodes.resources.AmazonWebServices:
    derived_from: cloudify.nodes.Root
    properties:
      client_config: { type: cloudify.datatypes.aws.ConnectionConfig, required: false }
      regions: { type: list, default: [] }
      resource_config: { type: dict, default: { resource_types: [ AWS::EKS::CLUSTER ] } }
    interfaces:
      cloudify.interfaces.lifecycle:
        create: ${oe}.workflows.resources.initialize
        delete: ${oe}.workflows.resources.deinitialize

relationships:

  cloudify.relationships.aws.connected_to:
    derived_from: cloudify.relationships.connected_to

  cloudify.relationships.aws.eks.connected_to_eks_cluster:
    derived_from: cloudify.relationships.aws.connected_to
    target_interfaces:
      cloudify.interfaces.relationship_lifecycle:
        establish: { implementation: ${oe}.eks.resources.cluster.refresh_kubeconfig }
        unlink: { implementation: ${oe}.eks.resources.cluster.refresh_kubeconfig }

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
        establish: { implementation: ${oe}.ec2.resources.ebs.attach_using_relationship }
        unlink: { implementation: ${oe}.ec2.resources.ebs.detach_using_relationship }
`;var Ga=`
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
`;var Y=r=>`kubernetes.cloudify_kubernetes.tasks.${r}`;function Cr(r){let e=l=>Y(r==="custom"?`custom_${l}`:`${r}_${l}`),t=r==="custom"?Y("resource_read"):e("read"),s=r==="resource"?Y("resource_read_check_status"):r==="custom"?Y("custom_check_status"):e("check_status"),n=r==="resource"?Y("resource_read_check_drift"):r==="custom"?Y("custom_check_drift"):e("check_drift"),i=r==="custom"?Y("custom_resource_create"):e("create"),o=r==="custom"?Y("resource_update"):e("update"),a=r==="custom"?Y("custom_resource_delete"):e("delete");return`
    interfaces:
      cloudify.interfaces.validation:
        check_status: { implementation: ${s} }
        check_drift: { implementation: ${n} }
      cloudify.interfaces.lifecycle:
        create: { implementation: ${i} }
        poststart: { implementation: ${t} }
        update: { implementation: ${o} }
        delete: { implementation: ${a} }
        pull: { implementation: ${t} }
        check_drift: { implementation: ${n} }
      isthmus.interfaces.kubernetes:
        # Day two, through execute_operation with operation_kwargs: node_pool (+ pool_label,
        # default isthmus.dev/node-pool), node_name, or node_selector. No declared inputs, so the
        # kwargs need no allow_kwargs_override.
        migrate: kubernetes.isthmus.migrate`}var bd=[["ClusterRoleBinding","RoleBindingDefinition",!1],["RoleBinding","RoleBindingDefinition",!1],["Role","RoleDefinition",!1],["ClusterRole","ClusterRoleDefinition",!1],["Secret","SecretDefinition",!1],["ServiceAccount","ServiceAccountDefinition",!1],["Deployment","ResourceDefinition",!0],["Node","ResourceDefinition",!1],["Namespace","ResourceDefinition",!1],["Pod","ResourceDefinition",!0],["ReplicaSet","ResourceDefinition",!0],["ReplicationController","ResourceDefinition",!0],["DaemonSet","ResourceDefinition",!0],["StatefulSet","ResourceDefinition",!0],["CustomResourceDefinition","ResourceDefinition",!0],["CustomObject","ResourceDefinition",!1],["Service","ResourceDefinition",!0],["PersistentVolume","ResourceDefinition",!0],["ConfigMap","ConfigClassResourceDefinition",!1],["StorageClass","StorageClassResourceDefinition",!1],["PodSecurityPolicy","ResourceDefinition",!1],["NetworkPolicy","ResourceDefinition",!1],["Ingress","ResourceDefinition",!1],["PersistentVolumeClaim","ResourceDefinition",!0],["Job","ResourceDefinition",!0],["CronJob","ResourceDefinition",!1]];function Sd(){return bd.map(([r,,e])=>`
  cloudify.nodes.kubernetes.resources.${r}:
    derived_from: cloudify.kubernetes.resources.BlueprintDefinedResource
    properties:
      definition:
        description: The ${r}, as Kubernetes YAML (any field the kind has; apiVersion defaults to v1).
      validate_resource_status:
        default: ${e}${r==="CustomObject"?`
      options:
        type: cloudify.kubernetes.types.CustomObjectsOptions`:""}

  cloudify.kubernetes.resources.${r}:
    derived_from: cloudify.nodes.kubernetes.resources.${r}
`).join("")}var Oe=r=>`
  cloudify.kubernetes.${r}:
    derived_from: cloudify.nodes.kubernetes.${r}
`,Ha=`
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
${Cr("resource")}
${Oe("resources.BlueprintDefinedResource")}
${Sd()}
  cloudify.nodes.kubernetes.resources.CustomBlueprintDefinedResource:
    derived_from: cloudify.kubernetes.resources.BlueprintDefinedResource
    properties:
      api_mapping: { required: false, description: 'Ignored: Isthmus finds any kind through API discovery (Cloudify needed the Python client class names).' }
${Cr("custom")}
${Oe("resources.CustomBlueprintDefinedResource")}
  cloudify.nodes.kubernetes.resources.FileDefinedResource:
    derived_from: cloudify.kubernetes.resources.ResourceWithValidateStatus
    properties:
      file: { type: cloudify.kubernetes.types.FileResource }
      allow_node_redefinition: { type: boolean, default: false }
      validate_resource_status: { default: true }
${Cr("file_resource")}
${Oe("resources.FileDefinedResource")}
  cloudify.nodes.kubernetes.resources.MultipleFileDefinedResources:
    derived_from: cloudify.kubernetes.resources.ResourceWithValidateStatus
    properties:
      files: { description: 'A list of FileResource entries (resource_path + template_variables).' }
      allow_node_redefinition: { type: boolean, default: false }
${Cr("multiple_file_resource")}
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
`;var za=`
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
`;var Lr="isthmus:types/cloudify-types.yaml";function Tn(){return Ka}var kd=new Set(["cloudify-utilities-plugin"]),wd={"cloudify-kubernetes-plugin":()=>Ha,"cloudify-aws-plugin":()=>Wa,"isthmus-hybrid":()=>Ga,"cloudify-utilities-plugin":()=>za,"cloudify-ansible-plugin":()=>Va,"cloudify-fabric-plugin":()=>`plugins:
  fabric: { executor: central_deployment_agent, package_name: cloudify-fabric-plugin }
`};function Qa(r,e){let t=wd[r];return t?{file:`isthmus:plugins/${r}.yaml`,text:t(),...kd.has(r)?{partial:!0}:{}}:void 0}var H="--",Ln=768*1024,Od=/^https?:\/\/(www\.)?(cloudify\.co|getcloudify\.org)\/spec\/cloudify\/[^/]+\/types\.yaml$/,Nd="cloudify/types/types.yaml";function Xa(r){let e=r.tosca_definitions_version;return typeof e=="string"&&e.startsWith("cloudify_dsl_")?e.slice(13):void 0}function tl(r){let e=M.dirname(M.resolve(r));for(;;){if(vd(M.join(e,".git")))return e;let t=M.dirname(e);if(t===e)return M.dirname(M.resolve(r));e=t}}function Ne(r){let e=M.relative(process.cwd(),r);return e&&!e.startsWith("..")&&!M.isAbsolute(e)?e:r}function Ed(r){let e=r.lastIndexOf(H);return e<=0?{namespace:void 0,target:r}:{namespace:r.slice(0,e),target:r.slice(e+H.length)}}function rl(r,e,t){let s=e.limits??At,n=e.maxImports??500,i=M.resolve(r),o=Mn(M.resolve(e.rootDir??tl(i))),a=Mn(i),l=M.relative(o,a);if(l.startsWith("..")||M.isAbsolute(l))return t.error("blueprint.outside-root",`the blueprint file resolves outside the blueprint root ${o}`,{file:Ne(i),line:1,column:1},"keep the blueprint inside the repository (a symbolic link may not point out of it), or pass --root"),[];let c=Pn(i,Ne(i),t,s);if(!c)return[];let y=(e.maxTotalBytes??Ln)-el(i),f={file:Ne(i),key:i,namespace:void 0,doc:c,isCloudifyTypes:!1,isPlugin:!1},u=Xa(c),m=[f],d=new Set([`${i}\0`]),p=new Map([[f,[i]]]),h=[f];for(;h.length>0;){let g=h.shift(),k=g.doc.imports;if(k==null)continue;if(!Array.isArray(k)){t.error("import.format","'imports' must be a list",O(g.doc,"imports"),'write each import as a list item: "- path/to/file.yaml"');continue}let v=new Set;k.forEach((A,S)=>{let _=O(k,S),N=Id(A,_,t);if(!N)return;if(v.has(N.spec)){t.error("import.duplicate",`'${N.spec}' is imported twice`,_,"remove the repeated import");return}v.add(N.spec);let{namespace:b,target:E}=Ed(N.spec.trim());if(b?.includes(H)){t.error("import.namespace",`namespace '${b}' may not contain '${H}'`,_);return}let j=g.namespace&&b?`${g.namespace}${H}${b}`:g.namespace??b,L=Td(E,g,u,o,e,_,t,b);if(!L)return;let q=L.isCloudifyTypes?void 0:j;if(L.isCloudifyTypes&&b){t.error("import.namespace","Cloudify's basic types cannot be imported with a namespace",_,`import '${E}' without '${b}${H}'`);return}let Je=`${L.key}\0${q??""}`;if(d.has(Je))return;let Ur=p.get(g)??[];if(Ur.includes(L.key)){t.error("import.cycle",`import cycle: ${[...Ur,L.key].map(Pl=>M.basename(Pl)).join(" -> ")}`,_,"remove one of the imports in the cycle");return}if(m.length>=n){t.error("import.too-many",`more than ${n} imported files`,_);return}if(d.add(Je),M.isAbsolute(L.key)&&(y-=el(L.key),y<0)){t.error("import.too-large",`the blueprint's files together exceed ${e.maxTotalBytes??Ln} bytes (at '${N.spec}')`,_,"import fewer or smaller files; vendored type files can be trimmed to the types the blueprint uses");return}let It=L.load();if(!It)return;let Tt=Xa(It);u&&Tt&&Ld(Tt,u)>0&&t.error("import.version",`'${E}' uses cloudify_dsl_${Tt}, newer than the main blueprint's cloudify_dsl_${u}`,_,`raise the main blueprint to cloudify_dsl_${Tt}`);let qt={file:L.file,key:L.key,namespace:q,doc:It,isCloudifyTypes:L.isCloudifyTypes||Cd(It),isPlugin:E.startsWith("plugin:")};N.properties&&(qt.importProperties=N.properties),m.push(qt),p.set(qt,[...Ur,L.key]),h.push(qt)})}return m}function Id(r,e,t){if(typeof r=="string")return{spec:r};if($(r)){let s=Object.keys(r);if(s.length===1){let n=r[s[0]];if(n===null||$(n))return n?{spec:s[0],properties:n}:{spec:s[0]}}}t.error("import.format","an import must be a string or a single-entry mapping of plugin properties",e,'write "- plugin:name" or "- plugin:name: {property: value}"')}function Td(r,e,t,s,n,i,o,a){let l=n.limits??At,c=(m,d)=>({key:m,file:m,isCloudifyTypes:m===Lr,load:()=>Za(m,d,o,p=>{let h=In(d,m,p,l);return h&&$(h.value)?h.value:void 0})}),y=(m,d=!1)=>({key:m,file:Ne(m),isCloudifyTypes:!1,load:()=>{if(!d)return Pn(m,Ne(m),o,l);let p=Rr(m);return Za(`${m}\0${p.mtimeMs}\0${p.size}`,"",o,h=>Pn(m,Ne(m),h,l))}});if(r.startsWith("plugin:")){let m=r.slice(7).split("?")[0].trim();if(!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(m)||m.includes("..")){o.error("import.plugin-name",`'${m}' is not a plugin name`,i,'a plugin name is letters, digits, ".", "_" and "-" (e.g. plugin:cloudify-kubernetes-plugin), not a path');return}let d=Qa(m,t);if(d&&!d.partial)return c(d.file,d.text);for(let p of n.pluginDirs??[])for(let h of qd(t)){let g=M.resolve(p,m,h);if(Cn(g))return y(g,!0)}if(d)return c(d.file,d.text);o.error("import.unknown-plugin",`plugin '${m}' is neither shipped with Isthmus nor found in a plugins directory`,i,`pass --plugins DIR where DIR/${m}/plugin.yaml holds its type definitions`);return}if(r.startsWith("blueprint:")){let m=r.slice(10).trim();if(!a){o.error("import.namespace",`blueprint import '${r}' needs a namespace`,i,`write 'ns--${r}'`);return}let d=n.blueprintImports?.[m];if(!d){o.error("import.blueprint-unmapped",`blueprint '${m}' is not mapped to a file`,i,`add "blueprintImports: {${m}: path/to/blueprint.yaml}" to .isthmus.yaml or pass --blueprint-import ${m}=path`);return}let p=M.resolve(s,d);if(!qn(p,s,r,i,o))return;if(!Cn(p)){o.error("import.not-found",`blueprint '${m}' maps to '${d}', which does not exist`,i,"fix the blueprint import mapping");return}return y(p)}if(/^[a-z][a-z0-9+.-]*:\/\//i.test(r)){if(Od.test(r))return c(Lr,Tn());o.error("import.remote-url",`remote import '${r}' is not fetched: Isthmus never downloads blueprint files during a run`,i,"vendor the file into the repository and import it by relative path");return}let f=e.key.startsWith("isthmus:")?s:M.dirname(e.key),u=M.resolve(f,r);if(Cn(u))return qn(u,s,r,i,o)?y(u):void 0;if(r.replace(/^\.\//,"")===Nd)return c(Lr,Tn());qn(u,s,r,i,o)&&o.error("import.not-found",`imported file '${r}' does not exist (looked for ${Ne(u)})`,i,"check the path; imports are relative to the importing file")}var Pr=new Map;function Za(r,e,t,s){let n=`${r}\0${e.length}`,i=Pr.get(n);if(!i){let o=new Be;i={doc:s(o),diagnostics:o.items},Pr.size>64&&Pr.clear(),Pr.set(n,i)}return t.items.push(...i.diagnostics),i.doc}function qd(r){return r==="1_5"?["plugin_1_5.yaml","plugin_1_4.yaml","plugin.yaml"]:r==="1_4"?["plugin_1_4.yaml","plugin.yaml"]:["plugin.yaml"]}function qn(r,e,t,s,n){let i=Mn(r),o=M.relative(e,i);return o.startsWith("..")||M.isAbsolute(o)?(n.error("import.outside-root",`import '${t}' resolves outside the blueprint root ${e}`,s,"keep imported files inside the repository, or pass --root"),!1):!0}function Pn(r,e,t,s){let n;try{let o=Rr(r).size;if(o>s.maxBytes){t.error("yaml.too-large",`file is ${o} bytes; the limit is ${s.maxBytes}`,{file:e,line:1,column:1},"split the blueprint into imported files");return}n=Ad(r)}catch(o){t.error("import.not-found",`cannot read '${e}': ${o.code??o.message}`,{file:e,line:1,column:1});return}let i=In(n,e,t,s);if(i){if(i.value===null)return{};if(!$(i.value)){t.error("blueprint.format","a blueprint file must be a YAML mapping",{file:e,line:1,column:1},'start the file with "tosca_definitions_version: cloudify_dsl_1_5"');return}return i.value}}function Cd(r){let e=r.metadata;return $(e)&&e.cloudify_types===!0}function el(r){try{return Rr(r).size}catch{return 0}}function Cn(r){try{return Rr(r).isFile()}catch{return!1}}function Mn(r){try{return $d(r)}catch{return r}}var Mr=["1_0","1_1","1_2","1_3","1_4","1_5"];function Ld(r,e){return Mr.indexOf(r)-Mr.indexOf(e)}var sl=["tosca_definitions_version","description","metadata","imports","dsl_definitions","inputs","plugins","node_types","relationships","node_templates","policy_types","policy_triggers","groups","policies","workflows","outputs","data_types","capabilities","labels","blueprint_labels","deployment_settings","resource_tags"],nl=["inputs","plugins","node_types","relationships","node_templates","policy_types","policy_triggers","groups","policies","workflows","outputs","data_types","capabilities","labels","blueprint_labels","resource_tags"];function il(r){return r.startsWith("cloudify.")}function D(r,e){return!r||il(e)?e:`${r}${H}${e}`}function ol(r,e){let t=r[0],s=Object.fromEntries(nl.map(o=>[o,new Map])),n={version:void 0,main:t,metadata:{},sections:s,namespacesMapping:{},files:r},i=t.doc.tosca_definitions_version;typeof i=="string"&&(n.version=i);for(let o of r){let a=o.doc;for(let l of Object.keys(a))sl.includes(l)||e.error("blueprint.unknown-key",`unknown top-level key '${l}'`,C(a,l),`valid keys: ${sl.join(", ")}`);typeof a.description=="string"&&n.description===void 0&&(n.description=a.description),$(a.metadata)&&o===t&&(n.metadata=a.metadata),$(a.deployment_settings)&&o===t&&(n.deploymentSettings=a.deployment_settings);for(let l of nl){if(o.isPlugin&&Md.has(l))continue;let c=a[l];if(c!=null){if(!$(c)){e.error("blueprint.format",`'${l}' must be a mapping`,O(a,l),`write '${l}:' followed by named entries`);continue}for(let[y,f]of Object.entries(c)){let u=o.isCloudifyTypes?void 0:o.namespace,d={name:D(u,y),value:f,namespace:u,file:o.file,fromCloudifyTypes:o.isCloudifyTypes},p=O(c,y),h=C(c,y);p&&(d.position=p),h&&(d.keyPosition=h),Dd(s[l],l,d,e)}}}}for(let o of r){let a=o.doc.imports;if(Array.isArray(a))for(let l of a){if(typeof l!="string")continue;let c=l.lastIndexOf(H);c>0&&l.slice(c+2).startsWith("blueprint:")&&(n.namespacesMapping[D(o.namespace,l.slice(0,c))]=l.slice(c+2+10))}}return n}var Md=new Set(["labels","blueprint_labels","resource_tags"]),Rd=new Set(["labels","blueprint_labels"]);function Dd(r,e,t,s){let n=r.get(t.name);if(!n||t.fromCloudifyTypes||il(t.name)){r.set(t.name,t);return}if(!Pd(n.value,t.value)&&e!=="workflows"){if(Rd.has(e)&&$(n.value)&&$(t.value)){let i=[n.value.values,t.value.values].flatMap(o=>Array.isArray(o)?o:[]);r.set(t.name,{...n,value:{...n.value,values:[...new Set(i.map(o=>JSON.stringify(o)))].map(o=>JSON.parse(o))}});return}if(e==="node_templates"&&$(n.value)&&$(t.value)){let i=xd(n.value,t.value);if(i){r.set(t.name,{...n,value:i});return}}s.error("import.conflict",`'${t.name}' in ${e} is defined twice, differently (also at ${n.position?`${n.position.file}:${n.position.line}`:n.file})`,t.keyPosition??t.position,"rename one of them, or put it in a namespaced import (ns--file.yaml)")}}function xd(r,e){let t=o=>Object.keys(o).every(a=>a==="relationships");if(!t(r)&&!t(e))return;let s=Array.isArray(r.relationships)?r.relationships:[],n=Array.isArray(e.relationships)?e.relationships:[],i=t(r)?e:r;return Z(i,{...i,relationships:Z(s,[...s,...n])})}var xr={get_input:"static",get_property:"static",concat:"static",merge:"static",string_find:"static",string_replace:"static",string_split:"static",string_lower:"static",string_upper:"static",get_attribute:"runtime",get_attributes_list:"runtime",get_attributes_dict:"runtime",get_secret:"runtime",get_capability:"runtime",get_environment_capability:"runtime",get_group_capability:"runtime",get_sys:"runtime",get_label:"runtime"};function J(r){if(!$(r))return;let e=Object.keys(r);if(e.length!==1)return;let t=e[0];if(Object.hasOwn(xr,t))return{name:t,args:r[t]??null,node:r}}function se(r,e){let t=J(r);return t&&(!e||xr[t.name]===e)?!0:t?se(t.args,e):Array.isArray(r)?r.some(s=>se(s,e)):$(r)?Object.values(r).some(s=>se(s,e)):!1}var Yd=new Set(["SELF","SOURCE","TARGET"]);function B(r,e){if(!e)return r;let t=J(r);if(t){let s=B(t.args,e);return(t.name==="get_input"||t.name==="get_property"||t.name==="get_attribute"||t.name==="get_attributes_list"||t.name==="get_attributes_dict")&&(typeof s=="string"?s=D(e,s):Array.isArray(s)&&typeof s[0]=="string"&&!Yd.has(s[0])&&(s=Z(s,[D(e,s[0]),...s.slice(1)]))),Z(r,{[t.name]:s})}if(Array.isArray(r))return Z(r,r.map(s=>B(s,e)));if($(r)){let s={};for(let[n,i]of Object.entries(r))s[n]=B(i,e);return Z(r,s)}return r}function V(r,e,t,s){let n=J(r);if(n){jd(n,e,t,s),V(n.args,e,t,s);return}if(Array.isArray(r))for(let i of r)V(i,e,t,s);else if($(r))for(let i of Object.values(r))V(i,e,t,s)}function jd(r,e,t,s){let n=O(r.node)??e.at,i=(a,l)=>s.error("function.arguments",`${r.name} in ${e.where}: ${a}`,n,l),o=r.args;switch(r.name){case"get_input":{let a=Array.isArray(o)?o[0]:o;if(J(a))return;if(typeof a!="string"||Array.isArray(o)&&o.length<1){i("expects an input name or [input_name, key, ...]","write { get_input: name } or { get_input: [name, key] }");return}t.inputValue(a).found||s.error("function.unknown-input",`${e.where} refers to input '${a}', which is not declared`,n,"declare it under 'inputs:' or fix the name");return}case"get_property":case"get_attribute":case"get_attributes_list":case"get_attributes_dict":{let a=r.name==="get_attributes_list"||r.name==="get_attributes_dict"?1:2;if(!Array.isArray(o)||o.length<a||typeof o[0]!="string"){i(`expects [node, attribute, ...] with at least ${a} items`,`write { ${r.name}: [SELF, name] } or { ${r.name}: [node_name, name] }`);return}let l=o[0];for(let[c,y]of o.slice(1).entries())typeof y!="string"&&typeof y!="number"&&!J(y)&&i(`path item ${c+1} must be a name, an index or a function`,"use strings for keys and integers for list indices");l==="SELF"?e.self||i("SELF is only valid inside a node template","name the node explicitly"):l==="SOURCE"||l==="TARGET"?e.kind!=="relationship"&&i(`${l} is only valid in relationship operations`,"use SELF or a node name"):t.nodeExists(l)||s.error("function.unknown-node",`${e.where} refers to node '${l}', which does not exist`,n,"use SELF or the name of a node template");return}case"concat":case"merge":Array.isArray(o)||i("expects a list",`write { ${r.name}: [a, b, ...] }`);return;case"get_secret":case"get_environment_capability":case"get_label":typeof o=="string"||J(o)||Array.isArray(o)&&o.length>=1||i("expects a name or [name, key, ...]",`write { ${r.name}: name }`);return;case"get_capability":case"get_group_capability":(!Array.isArray(o)||o.length<2)&&i("expects [deployment_id, capability, ...]",`write { ${r.name}: [deployment_id, capability_name] }`);return;case"get_sys":(!Array.isArray(o)||o.length!==2)&&i("expects [deployment|tenant, property]","write { get_sys: [deployment, id] }");return;case"string_find":case"string_replace":case"string_split":(!Array.isArray(o)||o.length<2)&&i("expects a list of at least two items",`write { ${r.name}: [haystack, needle, ...] }`);return;case"string_lower":case"string_upper":return}}function z(r,e,t){return Dr(r,e,t)}function Dr(r,e,t){let s=J(r);if(!s){if(Array.isArray(r)){let a=!1,l=r.map(c=>{let y=Dr(c,e,t);return y!==c&&(a=!0),y});return a?Z(r,l):r}if($(r)){let a=!1,l={};for(let[c,y]of Object.entries(r)){let f=Dr(y,e,t);f!==y&&(a=!0),l[c]=f}return a?Z(r,l):r}return r}let n=Dr(s.args,e,t),i=()=>Z(s.node,{[s.name]:n});if(xr[s.name]==="runtime"||se(n))return i();let o=O(s.node)??e.at;switch(s.name){case"get_input":{let[a,...l]=Array.isArray(n)?n:[n];if(typeof a!="string")return null;let c=t.inputValue(a);return c.found?Ot(c.value,l):null}case"get_property":{if(!Array.isArray(n)||typeof n[0]!="string")return null;let a=n[0];if(a==="SELF")a=e.self??"";else if(a==="SOURCE"){if(!e.source)return i();a=e.source}else if(a==="TARGET"){if(!e.target)return i();a=e.target}let l=t.nodeProperty(a,n.slice(1),o);return l.found?l.value:null}case"concat":case"merge":case"string_find":case"string_replace":case"string_split":case"string_lower":case"string_upper":return Rn(s.name,n);default:return i()}}function Rn(r,e){let t=Array.isArray(e)?e:[e];switch(r){case"concat":return Array.isArray(e)?e.map(Bd).join(""):null;case"merge":{if(!Array.isArray(e))return null;let s={};for(let n of e)$(n)&&Object.assign(s,n);return s}case"string_find":return String(t[0]??"").indexOf(String(t[1]??""));case"string_replace":{let[s,n,i,o]=t,a=String(s??""),l=String(n??""),c=String(i??""),y=typeof o=="number"&&o>=0?o:1/0,f=0,u=l===""?-1:a.indexOf(l);for(;u>=0&&f<y;)a=a.slice(0,u)+c+a.slice(u+l.length),f++,u=a.indexOf(l,u+c.length);return a}case"string_split":{let s=String(t[0]??"").split(String(t[1]??" "));return typeof t[2]=="number"?s[t[2]]??null:s}case"string_lower":return String(t[0]??"").toLowerCase();case"string_upper":return String(t[0]??"").toUpperCase()}}function Ot(r,e){let t=r;for(let s of e)if(Array.isArray(t)&&typeof s=="number")t=t[s]??null;else if($(t)&&Object.hasOwn(t,String(s)))t=t[String(s)]??null;else return null;return t}function Bd(r){return typeof r=="string"?r:r===!0?"True":r===!1?"False":r===null?"None":typeof r=="number"?String(r):JSON.stringify(r)}import{isDeepStrictEqual as al}from"node:util";var xn=["equal","greater_than","greater_or_equal","less_than","less_or_equal","in_range","valid_values","length","min_length","max_length","pattern","filter_id","labels","tenants","name_pattern","deployment_id"],Fd=new Set(["filter_id","labels","tenants","name_pattern","deployment_id"]);function ll(r){let e=r.argument;switch(r.name){case"in_range":return Array.isArray(e)&&e.length===2?void 0:"in_range takes a list of two bounds";case"valid_values":return Array.isArray(e)?void 0:"valid_values takes a list";case"length":case"min_length":case"max_length":return typeof e=="number"&&Number.isInteger(e)&&e>=0?void 0:`${r.name} takes a non-negative integer`;case"pattern":if(typeof e!="string")return"pattern takes a regular expression string";try{new RegExp(e);return}catch{return`'${e}' is not a valid regular expression`}default:return}}function Dn(r){if(typeof r=="string"||Array.isArray(r))return r.length;if(r&&typeof r=="object")return Object.keys(r).length}function Ve(r,e){if(typeof r=="number"&&typeof e=="number")return r-e;if(typeof r=="string"&&typeof e=="string")return r<e?-1:r>e?1:0}function cl(r,e){let t=r.argument;switch(r.name){case"equal":return al(e,t);case"greater_than":return(Ve(e,t)??-1)>0;case"greater_or_equal":return(Ve(e,t)??-1)>=0;case"less_than":return(Ve(e,t)??1)<0;case"less_or_equal":return(Ve(e,t)??1)<=0;case"in_range":{if(!Array.isArray(t))return!1;let s=Ve(e,t[0]??null),n=Ve(e,t[1]??null);return s!==void 0&&n!==void 0&&s>=0&&n<=0}case"valid_values":return Array.isArray(t)&&t.some(s=>al(s,e));case"length":return Dn(e)===t;case"min_length":return(Dn(e)??-1)>=t;case"max_length":return(Dn(e)??1/0)<=t;case"pattern":return typeof e=="string"&&new RegExp(`^(?:${t})`).test(e);default:return Fd.has(r.name)}}function ul(r,e){for(let s of r){if(s.name==="valid_values"&&Array.isArray(s.argument)&&s.argument.length>0)return s.argument[0];if(s.name==="equal")return s.argument;if(s.name==="in_range"&&Array.isArray(s.argument))return s.argument[0]??e}let t=e;for(let s of r)typeof t=="number"&&(s.name==="greater_than"&&typeof s.argument=="number"&&!(t>s.argument)&&(t=s.argument+1),s.name==="greater_or_equal"&&typeof s.argument=="number"&&!(t>=s.argument)&&(t=s.argument),s.name==="less_than"&&typeof s.argument=="number"&&!(t<s.argument)&&(t=s.argument-1),s.name==="less_or_equal"&&typeof s.argument=="number"&&!(t<=s.argument)&&(t=s.argument)),typeof t=="string"&&((s.name==="min_length"||s.name==="length")&&typeof s.argument=="number"&&(t=t.padEnd(s.argument,"x")),(s.name==="max_length"||s.name==="length")&&typeof s.argument=="number"&&(t=t.slice(0,s.argument)));return t}var Nt=new Set(["string","integer","float","boolean","list","dict","regex","textarea","deployment_id","blueprint_id","node_id","node_type","node_instance","capability_value","scaling_group","secret_key","operation_name"]),fl=["type","default","description","required","display_label","hidden","item_type","constraints","display","initial_default"];function ge(r,e,t,s={}){let n={};if(r==null)return n;if(!$(r))return t.error("schema.format",`${e} must be a mapping of names to schemas`,O(r),'write "name: {type: string, default: ...}"'),n;for(let[i,o]of Object.entries(r))n[i]=Yn(o,`${e} '${i}'`,O(r,i),t,s);return n}function Yn(r,e,t,s,n){let i={hasDefault:!1,required:!0};if(t&&(i.position=t),r===null)return i;if(!$(r))return s.error("schema.format",`${e} must be a mapping (type, default, description, required)`,t,`write "{ default: ${JSON.stringify(r)} }"`),i;for(let o of Object.keys(r))fl.includes(o)||s.error("schema.unknown-key",`${e} has unknown key '${o}'`,C(r,o),`valid keys: ${fl.join(", ")}`);return r.type!==void 0&&r.type!==null&&(typeof r.type!="string"?s.error("schema.type",`${e}: 'type' must be a type name`,O(r,"type")):i.type=n.namespace&&!Nt.has(r.type)?n.namespace(r.type):r.type),typeof r.item_type=="string"&&(i.itemType=r.item_type),Object.hasOwn(r,"default")&&(i.hasDefault=!0,i.default=r.default??null),r.required!==void 0&&(typeof r.required!="boolean"?s.error("schema.required",`${e}: 'required' must be true or false`,O(r,"required")):i.required=r.required),typeof r.description=="string"&&(i.description=r.description),r.constraints!==void 0&&r.constraints!==null&&(i.constraints=Vd(r.constraints,e,s)),i}function Vd(r,e,t){if(!Array.isArray(r))return t.error("constraint.format",`${e}: constraints must be a list`,O(r),'write "constraints: [ { min_length: 3 } ]"'),[];let s=[];return r.forEach((n,i)=>{let o=O(r,i);if(!$(n)||Object.keys(n).length!==1){t.error("constraint.format",`${e}: each constraint is a single-key mapping`,o,'write "- valid_values: [a, b]"');return}let a=Object.keys(n)[0];if(!xn.includes(a)){t.error("constraint.unknown",`${e}: unknown constraint '${a}'`,o,`valid constraints: ${xn.join(", ")}`);return}let l={name:a,argument:n[a]??null};o&&(l.position=o);let c=ll(l);c?t.error("constraint.argument",`${e}: ${c}`,o):s.push(l)}),s}function Yr(r,e,t,s,n,i,o=0){if(!e||J(r)||r===null)return r;if(Nt.has(e))return Kd(r,e)||i.error("value.type",`${s} should be of type ${e}, got ${pl(r)}`,n,`give a ${e} value`),r;let a=Object.hasOwn(t,e)?t[e]:void 0;return a?$(r)?o>32?r:jr(r,a.properties,t,s,i,n?{depth:o+1,at:n}:{depth:o+1}):(i.error("value.type",`${s} should be a mapping of data type ${e}, got ${pl(r)}`,n,`give the fields of ${e}`),r):r}function jr(r,e,t,s,n,i={}){let o={};for(let l of Object.keys(r))!Object.hasOwn(e,l)&&!i.allowUnknown&&n.error("property.unknown",`${s}: property '${l}' is not defined by its type`,C(r,l),`defined properties: ${Object.keys(e).join(", ")||"(none)"}`);let a=i.externalResource??r.use_external_resource===!0;for(let[l,c]of Object.entries(e)){let y=Object.hasOwn(r,l),f=!y&&!c.hasDefault&&c.type!==void 0&&Object.hasOwn(t,c.type);if(!y&&!c.hasDefault&&!f){c.required&&!a&&n.error("property.missing",`${s}: required property '${l}' has no value`,O(r)??i.at,`set '${l}' or give it a default in the type`);continue}let u=y?r[l]??null:f?{}:c.default??null,m=(y?O(r,l):c.position)??i.at;o[l]=Yr(u,c.type,t,`${s} property '${l}'`,m,n,i.depth??0)}if(i.allowUnknown)for(let l of Object.keys(r))Object.hasOwn(e,l)||(o[l]=r[l]??null);return o}function Kd(r,e){switch(e){case"integer":return typeof r=="number"&&Number.isInteger(r);case"float":return typeof r=="number";case"boolean":return typeof r=="boolean";case"list":return Array.isArray(r);case"dict":return $(r);case"regex":if(typeof r!="string")return!1;try{return new RegExp(r),!0}catch{return!1}default:return!0}}function pl(r){return Array.isArray(r)?"a list":$(r)?"a mapping":`${typeof r} ${JSON.stringify(r)}`}var dl=["implementation","inputs","executor","max_retries","retry_interval","timeout","timeout_recoverable"];function _e(r,e,t,s){let n={};if(r==null)return n;if(!$(r))return s.error("interface.format",`${e}: interfaces must be a mapping`,O(r),'write "interfaces: { cloudify.interfaces.lifecycle: { create: plugin.task } }"'),n;for(let[i,o]of Object.entries(r))if(n[i]={},o!==null){if(!$(o)){s.error("interface.format",`${e}: interface '${i}' must map operation names to operations`,O(r,i));continue}for(let[a,l]of Object.entries(o))n[i][a]=Ud(l,`${e} operation '${i}.${a}'`,O(o,a),t,s)}return n}function Ud(r,e,t,s,n){let i={implementation:"",inputs:{}};if(t&&(i.position=t),r===null)return i;if(typeof r=="string")return i.implementation=r,i;if(!$(r))return n.error("operation.format",`${e} must be an implementation string or a mapping`,t,'write "create: plugin.module.task" or "create: { implementation: ..., inputs: {...} }"'),i;for(let c of Object.keys(r))dl.includes(c)||n.error("operation.unknown-key",`${e} has unknown key '${c}'`,C(r,c),`valid keys: ${dl.join(", ")}`);let o=r.implementation;o!=null&&typeof o!="string"?n.error("operation.implementation",`${e}: implementation must be a string`,O(r,"implementation")):typeof o=="string"&&(i.implementation=o);let a=r.inputs;a!=null&&($(a)?s==="type"?i.inputSchema=ge(a,`${e} input`,n):i.inputs=a:n.error("operation.inputs",`${e}: inputs must be a mapping`,O(r,"inputs"))),s==="type"&&!i.inputSchema&&(i.inputSchema={}),typeof r.executor=="string"&&(i.executor=r.executor);let l=(c,y,f)=>{let u=r[c];u!=null&&(typeof u!="number"||u<f?n.error(`operation.${c.replace("_","-")}`,`${e}: ${c} must be a number >= ${f}`,O(r,c)):y(u))};return l("max_retries",c=>i.maxRetries=c,-1),l("retry_interval",c=>i.retryInterval=c,0),l("timeout",c=>i.timeout=c,0),i}function Br(r,e){let t={};for(let[s,n]of Object.entries(r))t[s]={...n};for(let[s,n]of Object.entries(e))t[s]={...t[s]??{},...n};return t}function ml(r){return r.implementation===""&&Object.keys(r.inputs).length===0&&r.executor===void 0&&r.maxRetries===void 0&&r.retryInterval===void 0&&r.timeout===void 0}function Fr(r,e,t,s){let n={},i=new Set([...Object.keys(r),...Object.keys(e)]);for(let o of i){let a=r[o]??{},l=e[o]??{};n[o]={};for(let c of new Set([...Object.keys(a),...Object.keys(l)])){let y=a[c],f=l[c];n[o][c]=Jd(y,f,`${t} operation '${o}.${c}'`,s)}}return n}function Jd(r,e,t,s){if(!r)return e;let n=r.inputSchema??{};if(!e)return{...Wd(r),inputs:yl(n,{},t,r.position,s)};if(ml(e)||ml(r)&&!r.inputSchema)return e;let i=e.implementation||r.implementation;if(i!==r.implementation)return e;let o={implementation:i,inputs:yl(n,e.inputs,t,e.position,s)},a=e.position??r.position;a&&(o.position=a);let l=c=>{let y=e[c]??r[c];y!==void 0&&(o[c]=y)};return l("executor"),l("maxRetries"),l("retryInterval"),l("timeout"),o}function Wd(r){let{inputSchema:e,...t}=r;return t}function yl(r,e,t,s,n){let i={};for(let[a,l]of Object.entries(r))l.hasDefault&&(i[a]=l.default??null);Object.assign(i,e);let o=Object.keys(r).filter(a=>!Object.hasOwn(i,a));return o.length>0&&n.error("operation.missing-input",`${t}: input${o.length>1?"s":""} ${o.map(a=>`'${a}'`).join(", ")} ha${o.length>1?"ve":"s"} no value`,s,"give the input a value in the node template or a default in the type"),i}var Gd=["derived_from","interfaces","properties","runtime_properties","description"],Hd=["derived_from","properties","source_interfaces","target_interfaces","description"],zd=["derived_from","properties","description","version"];function jn(r,e){let t={},s=new Set,n=new Set,i=(o,a)=>{if(Object.hasOwn(t,o))return t[o];if(n.has(o))return;let l=r.elements.get(o);if(!l)return;let c=l.value??{};if(!$(c)){e.error(`${r.kind}.format`,`${r.kind} '${o}' must be a mapping`,l.position),n.add(o);return}if(s.has(o)){e.error(`${r.kind}.cycle`,`${r.kind} '${o}' derives from itself: ${[...a,o].join(" -> ")}`,O(c,"derived_from")??l.position,"remove one derived_from in the cycle"),n.add(o);return}for(let d of Object.keys(c))r.keys.includes(d)||e.error(`${r.kind}.unknown-key`,`${r.kind} '${o}' has unknown key '${d}'`,C(c,d),`valid keys: ${r.keys.join(", ")}`);let y,f,u=c.derived_from;u!=null&&(typeof u!="string"?e.error(`${r.kind}.derived-from`,`${r.kind} '${o}': derived_from must be a type name`,O(c,"derived_from")):(f=D(l.namespace,u),r.elements.has(f)?(s.add(o),y=i(f,[...a,o]),s.delete(o)):e.error(`${r.kind}.unknown-parent`,`${r.kind} '${o}' derives from '${u}', which is not defined`,O(c,"derived_from"),Ke(u,[...r.elements.keys()])??"check the imports that should define it")));let m=r.build(l,c,y,f);return t[o]=m,m};for(let o of r.elements.keys())i(o,[]);return t}function hl(r,e){return jn({elements:r,kind:"data_type",keys:zd,build:(t,s,n,i)=>{let o=ge(B(s.properties??null,t.namespace),`data type '${t.name}' property`,e,{namespace:l=>D(t.namespace,l)}),a={name:t.name,properties:Bn(n?.properties??{},o)};return i&&(a.derivedFrom=i),t.position&&(a.position=t.position),a}},e)}function gl(r,e){return jn({elements:r,kind:"node_type",keys:Gd,build:(t,s,n,i)=>{let o=`node type '${t.name}'`,a=ge(B(s.properties??null,t.namespace),`${o} property`,e,{namespace:y=>D(t.namespace,y)}),l=_e(B(s.interfaces??null,t.namespace),o,"type",e),c={name:t.name,hierarchy:[...n?.hierarchy??[],t.name],properties:Bn(n?.properties??{},a),interfaces:Br(n?.interfaces??{},Ee(l,t.namespace))};return i&&(c.derivedFrom=i),t.position&&(c.position=t.position),c}},e)}function _l(r,e){return jn({elements:r,kind:"relationship",keys:Hd,build:(t,s,n,i)=>{let o=`relationship '${t.name}'`,a=ge(B(s.properties??null,t.namespace),`${o} property`,e,{namespace:f=>D(t.namespace,f)}),l=_e(B(s.source_interfaces??null,t.namespace),o,"type",e),c=_e(B(s.target_interfaces??null,t.namespace),o,"type",e),y={name:t.name,hierarchy:[...n?.hierarchy??[],t.name],properties:Bn(n?.properties??{},a),sourceInterfaces:Br(n?.sourceInterfaces??{},Ee(l,t.namespace)),targetInterfaces:Br(n?.targetInterfaces??{},Ee(c,t.namespace))};return i&&(y.derivedFrom=i),t.position&&(y.position=t.position),y}},e)}function Bn(r,e){let t={...r};for(let[s,n]of Object.entries(e)){let i=r[s];i&&!n.hasDefault&&i.hasDefault?t[s]={...n,hasDefault:!0,default:i.default??null}:t[s]=n}return t}function Ee(r,e){if(!e)return r;let t={};for(let[s,n]of Object.entries(r)){t[s]={};for(let[i,o]of Object.entries(n))t[s][i]=o.implementation&&!o.implementation.includes("/")?{...o,implementation:D(e,o.implementation)}:o}return t}function Fn(r,e,t){for(let[s,n]of r)for(let[i,o]of Object.entries(n))o.type&&!Nt.has(o.type)&&!Object.hasOwn(e,o.type)&&t.error("schema.unknown-type",`${s} property '${i}' has unknown type '${o.type}'`,o.position,Ke(o.type,[...Nt,...Object.keys(e)])??"use a primitive type or a declared data type")}function Ke(r,e){let t,s=1/0;for(let n of e){let i=Qd(r.toLowerCase(),n.toLowerCase());i<s&&(s=i,t=n)}return t!==void 0&&s<=Math.max(2,Math.floor(r.length/4))?`did you mean '${t}'?`:void 0}function Qd(r,e){if(Math.abs(r.length-e.length)>8)return 99;let t=Array.from({length:e.length+1},(s,n)=>n);for(let s=1;s<=r.length;s++){let n=t[0];t[0]=s;for(let i=1;i<=e.length;i++){let o=t[i];t[i]=Math.min(t[i]+1,t[i-1]+1,n+(r[s-1]===e[i-1]?0:1)),n=o}}return t[e.length]}var bl=["type","properties","interfaces","relationships","capabilities","instances"],Sl=["type","target","properties","source_interfaces","target_interfaces"],kl="cloudify.relationships.contained_in";function wl(r,e,t){let s=new Map;for(let c of r.values()){let y=Xd(c,e,t,r);y&&s.set(c.name,y)}let n=new Map,i=new Set,o=(c,y,f,u)=>{let m=`${c}\0${JSON.stringify(y)}`;if(n.has(m))return n.get(m)??null;if(i.has(m))return t.error("function.circular",`get_property cycle through node '${c}' property '${y.join(".")}'`,u,"make one of the properties a literal value"),null;i.add(m);let d=Et({self:c,where:`node '${c}' property '${y.join(".")}'`,kind:"property"},u??s.get(c)?.template.position),p=z(f,d,a);return i.delete(m),n.set(m,p),p},a={inputValue:c=>e.inputNames.has(c)?{found:!0,value:e.inputValues[c]??null}:{found:!1},nodeExists:c=>r.has(c),nodeProperty:(c,y,f)=>{let u=s.get(c);if(!u||y.length===0)return{found:!1};if(!Object.hasOwn(u.template.properties,String(y[0])))return t.error("function.unknown-property",`get_property refers to '${String(y[0])}', which node '${c}' does not have`,f??u.template.position,`properties of '${c}': ${Object.keys(u.template.properties).join(", ")}`),{found:!0,value:null};let m=u.template.properties;for(let d=0;d<y.length;d++){let p=y[d],h=Array.isArray(m)&&typeof p=="number"?m[p]:$(m)&&Object.hasOwn(m,String(p))?m[String(p)]:void 0;if(h===void 0)return{found:!0,value:null};m=J(h)?o(c,y.slice(0,d+1),h,f):h}return{found:!0,value:se(m)?o(c,y,m,f):m}}},l={};for(let[c,y]of s){let f=y.template,u=Et({self:c,where:`node '${c}'`,kind:"property"},f.position);V(f.properties,u,a,t);let m={};for(let d of Object.keys(f.properties)){let p=f.properties[d]??null;m[d]=se(p)?o(c,[d],p,O(f.properties,d)):p}f.interfaces=Vn(f.interfaces,Et({self:c,where:`node '${c}'`,kind:"operation"},f.position),a,t);for(let d of f.relationships){let p=Et({self:c,source:c,target:d.target,where:`node '${c}' relationship to '${d.target}'`,kind:"relationship"},d.position??f.position);V(d.properties,p,a,t),d.properties=z(d.properties,p,a),d.sourceInterfaces=Vn(d.sourceInterfaces,p,a,t),d.targetInterfaces=Vn(d.targetInterfaces,{...p,self:d.target},a,t)}f.properties=m,f.scalable=em(y,a,t),l[c]=f}return l}function Et(r,e){return e?{...r,at:e}:r}function Vn(r,e,t,s){let n={};for(let[i,o]of Object.entries(r)){n[i]={};for(let[a,l]of Object.entries(o)){if(Object.keys(l.inputs).length===0){n[i][a]=l;continue}let c=Et({...e,where:`${e.where} operation '${i}.${a}'`},l.position??e.at);V(l.inputs,c,t,s),n[i][a]={...l,inputs:z(l.inputs,c,t)}}}return n}function Xd(r,e,t,s){let n=`node '${r.name}'`,i=B(r.value,r.namespace);if(!$(i)){t.error("node.format",`${n} must be a mapping with at least 'type'`,r.position,'write "my_node: { type: cloudify.nodes.Root }"');return}for(let h of Object.keys(i))bl.includes(h)||t.error("node.unknown-key",`${n} has unknown key '${h}'`,C(i,h),`valid keys: ${bl.join(", ")}`);let o=i.type;if(typeof o!="string"){t.error("node.type",`${n} has no type`,r.keyPosition??r.position,"add 'type: cloudify.nodes.Root' (or a more specific type)");return}let a=D(r.namespace,o),l=Object.hasOwn(e.nodeTypes,a)?e.nodeTypes[a]:void 0;if(!l){t.error("node.unknown-type",`${n} has type '${o}', which is not defined`,O(i,"type"),Ke(a,Object.keys(e.nodeTypes))??"import the plugin or types file that defines it");return}let c=i.properties??{},y={};$(c)?(c.use_external_resource!==void 0&&typeof c.use_external_resource!="boolean"&&t.error("node.external-resource",`${n}: use_external_resource must be true or false (no functions)`,O(c,"use_external_resource"),"Cloudify requires a literal boolean here"),y=jr(c,l.properties,e.dataTypes,n,t,r.position?{at:r.position}:{})):t.error("node.properties",`${n}: properties must be a mapping`,O(i,"properties"));let f=Ee(_e(i.interfaces??null,n,"template",t),r.namespace),u=Fr(l.interfaces,f,n,t),m=tm(i.relationships,r,e,t,s),d=m.filter(h=>h.hierarchy.includes(kl));d.length>1&&t.error("node.multiple-hosts",`${n} is contained_in more than one node (${d.map(h=>h.target).join(", ")})`,d[1].position,"a node can have one host; use connected_to for the others");let p={id:r.name,type:a,hierarchy:l.hierarchy,properties:y,interfaces:u,relationships:m,scalable:{defaultInstances:1,minInstances:0,maxInstances:-1}};return d[0]&&(p.host=d[0].target),r.position&&(p.position=r.position),{template:p,element:r,rawProperties:$(c)?c:{},scalableRaw:Zd(i,n,t)}}function Zd(r,e,t){let s={},n=r.capabilities;if(n!=null)if(!$(n))t.error("node.capabilities",`${e}: capabilities must be a mapping`,O(r,"capabilities"));else{for(let l of Object.keys(n))l!=="scalable"&&t.error("node.capabilities",`${e}: unknown capability '${l}'`,C(n,l),"the only node capability is 'scalable'");let o=n.scalable,a=$(o)?o.properties:void 0;if($(a)){for(let c of Object.keys(a))["default_instances","min_instances","max_instances","current_instances","planned_instances"].includes(c)||t.error("scalable.unknown-key",`${e}: unknown scalable property '${c}'`,C(a,c),"valid: default_instances, min_instances, max_instances");s.default=a.default_instances,s.min=a.min_instances,s.max=a.max_instances;let l=O(a);l&&(s.at=l)}}let i=r.instances;if($(i)&&i.deploy!==void 0){s.default=i.deploy;let o=O(i);o&&(s.at=o)}return s}function Kn(r,e,t,s){let n=(o,a,l)=>{if(o===void 0)return a;let c=t(o);return typeof c!="number"||!Number.isInteger(c)||c<-1?(s.error("scalable.value",`${e}: ${l} must be an integer, got ${JSON.stringify(c)}`,r.at,"use a whole number (or a get_input of one)"),a):c},i={defaultInstances:n(r.default,1,"default_instances"),minInstances:n(r.min,0,"min_instances"),maxInstances:n(r.max,-1,"max_instances")};return i.defaultInstances<0&&s.error("scalable.value",`${e}: default_instances must be 0 or more`,r.at),(i.defaultInstances<i.minInstances||i.maxInstances!==-1&&i.defaultInstances>i.maxInstances)&&s.error("scalable.range",`${e}: default_instances ${i.defaultInstances} is outside [${i.minInstances}, ${i.maxInstances===-1?"unbounded":i.maxInstances}]`,r.at,"keep min_instances <= default_instances <= max_instances"),i}function em(r,e,t){let s={self:r.template.id,where:`node '${r.template.id}' capabilities`,kind:"property"};return Kn(r.scalableRaw,`node '${r.template.id}'`,n=>(V(n,s,e,t),z(n,s,e)),t)}function tm(r,e,t,s,n){let i=`node '${e.name}'`;if(r==null)return[];if(!Array.isArray(r))return s.error("relationship.format",`${i}: relationships must be a list`,O(r),'write "- type: cloudify.relationships.depends_on\\n  target: other_node"'),[];let o=[];return r.forEach((a,l)=>{let c=O(r,l);if(!$(a)){s.error("relationship.format",`${i}: relationship ${l+1} must be a mapping with type and target`,c);return}for(let S of Object.keys(a))Sl.includes(S)||s.error("relationship.unknown-key",`${i}: relationship has unknown key '${S}'`,C(a,S),`valid keys: ${Sl.join(", ")}`);let y=a.type,f=a.target;if(typeof y!="string"||typeof f!="string"){s.error("relationship.format",`${i}: relationship ${l+1} needs 'type' and 'target'`,c,'write "- type: cloudify.relationships.connected_to\\n  target: other_node"');return}let u=D(e.namespace,y),m=D(e.namespace,f),d=Object.hasOwn(t.relationshipTypes,u)?t.relationshipTypes[u]:void 0;if(!d){s.error("relationship.unknown-type",`${i}: relationship type '${y}' is not defined`,O(a,"type"),Ke(u,Object.keys(t.relationshipTypes))??"import the types that define it");return}if(!n.has(m)){s.error("relationship.unknown-target",`${i}: relationship target '${f}' is not a node template`,O(a,"target"),Ke(m,[...n.keys()])??"use the name of a node template");return}if(m===e.name){s.error("relationship.self",`${i} has a relationship to itself`,O(a,"target"),"a node cannot depend on itself");return}let p=a.properties??{},h=$(p)?jr(p,d.properties,t.dataTypes,`${i} relationship to '${f}'`,s,c?{at:c}:{}):{},g=h.connection_type??"all_to_all";g!=="all_to_all"&&g!=="all_to_one"&&s.error("relationship.connection-type",`${i}: connection_type must be all_to_all or all_to_one, got ${JSON.stringify(g)}`,O(p,"connection_type"));let k=Ee(_e(a.source_interfaces??null,i,"template",s),e.namespace),v=Ee(_e(a.target_interfaces??null,i,"template",s),e.namespace),A={type:u,hierarchy:d.hierarchy,target:m,properties:h,sourceInterfaces:Fr(d.sourceInterfaces,k,`${i} relationship to '${f}' source`,s),targetInterfaces:Fr(d.targetInterfaces,v,`${i} relationship to '${f}' target`,s),connectionType:g==="all_to_one"?"all_to_one":"all_to_all"};c&&(A.position=c),o.push(A)}),o}var Vr="cloudify.policies.scaling";function vl(r,e,t,s,n){let i={},o={},a=new Map;for(let u of r.values()){i[u.name]=u.value;let m=u.value;if(!$(m)){n.error("group.format",`group '${u.name}' must be a mapping with members`,u.position);continue}for(let g of Object.keys(m))g!=="members"&&g!=="policies"&&n.error("group.unknown-key",`group '${u.name}' has unknown key '${g}'`,C(m,g),"valid keys: members, policies");let d=m.members;if(!Array.isArray(d)||d.length===0||!d.every(g=>typeof g=="string")){n.error("group.members",`group '${u.name}' needs a non-empty list of member names`,O(m,"members")??u.position,'write "members: [node_a, node_b]"');continue}let p=d.map(g=>D(u.namespace,g)),h=new Set;p.forEach((g,k)=>{h.has(g)&&n.error("group.members",`group '${u.name}' lists '${g}' twice`,O(d,k)),h.add(g),!t[g]&&!r.has(g)&&n.error("group.unknown-member",`group '${u.name}' member '${g}' is neither a node template nor a group`,O(d,k),"use the name of a node template or of another group")}),a.set(u.name,p.filter(g=>t[g]||r.has(g)))}let l={};for(let u of e.values()){o[u.name]=u.value;let m=u.value;if(!$(m)){n.error("policy.format",`policy '${u.name}' must be a mapping`,u.position);continue}for(let v of Object.keys(m))["type","targets","properties"].includes(v)||n.error("policy.unknown-key",`policy '${u.name}' has unknown key '${v}'`,C(m,v),"valid keys: type, targets, properties");if(m.type!==Vr){n.error("policy.type",`policy '${u.name}' has type ${JSON.stringify(m.type)}; only ${Vr} is supported`,O(m,"type"),`use type: ${Vr}`);continue}let d=m.targets;if(!Array.isArray(d)||d.length===0){n.error("policy.targets",`policy '${u.name}' needs a list of target groups`,O(m,"targets")??u.position,'write "targets: [my_group]"');continue}let p=$(m.properties)?m.properties:{},h={default:p.default_instances,min:p.min_instances,max:p.max_instances,at:O(p)??u.position},g={where:`policy '${u.name}'`,kind:"other"},k=Kn(h,`policy '${u.name}'`,v=>(V(v,g,s,n),z(v,g,s)),n);d.forEach((v,A)=>{let S=typeof v=="string"?D(u.namespace,v):"";if(!a.has(S)){n.error("policy.unknown-target",`policy '${u.name}' targets '${String(v)}', which is not a group`,O(d,A),"name a group declared under groups:");return}if(l[S]){n.error("policy.duplicate-target",`group '${S}' is targeted by more than one scaling policy`,O(d,A));return}let _={name:S,members:a.get(S),scalable:k},N=r.get(S)?.position;N&&(_.position=N),l[S]=_})}let c=new Map;for(let u of Object.values(l))for(let m of u.members){let d=c.get(m);d&&d!==u.name?n.error("group.multiple",`'${m}' is a member of both '${d}' and '${u.name}'`,u.position,"a node or group may belong to one scaling group only"):c.set(m,u.name)}for(let u of Object.values(l)){let m=new Set([u.name]);for(let d=c.get(u.name);d;d=c.get(d)){if(m.has(d)){n.error("group.cycle",`scaling groups contain each other: ${[...m,d].join(" -> ")}`,u.position,"groups must nest as a tree");break}m.add(d)}for(let d of u.members)!l[d]&&r.has(d)&&n.error("group.member-not-scaling",`scaling group '${u.name}' has group '${d}' as a member, but '${d}' has no scaling policy`,u.position,`add '${d}' to a ${Vr} policy's targets`)}let y=(u,m=new Set)=>{let d=new Set;if(m.has(u))return d;m.add(u);for(let p of a.get(u)??[])if(l[p])for(let h of y(p,m))d.add(h);else d.add(p);return d},f=new Map(Object.keys(l).map(u=>[u,y(u)]));for(let u of Object.values(l)){let m=f.get(u.name);u.members=u.members.filter(d=>{for(let p=t[d]?.host;p;p=t[p]?.host)if(m.has(p))return!1;return!0})}return{scalingGroups:l,groups:i,policies:o}}function Al(r,e){let t={};for(let s of r.values()){let n=B(s.value,s.namespace),o={...Yn(n,`input '${s.name}'`,s.position,e,{})};s.position&&(o.position=s.position),$(n)&&(typeof n.display_label=="string"&&(o.displayLabel=n.display_label),typeof n.hidden=="boolean"&&(o.hidden=n.hidden)),t[s.name]=o}return t}function $l(r,e,t,s,n={}){for(let c of Object.keys(e))r[c]||s.error("input.unknown",`input '${c}' is given but the blueprint does not declare it`,void 0,`declared inputs: ${Object.keys(r).join(", ")||"(none)"}`);let i={},o=new Map,a={inputValue:c=>r[c]?{found:!0,value:l(c)}:{found:!1},nodeProperty:()=>({found:!1}),nodeExists:()=>!1},l=c=>{if(o.get(c)==="done")return i[c]??null;let y=r[c];if(o.get(c)==="pending")return s.error("input.cycle",`input '${c}' has a default that refers back to itself`,y.position,"break the cycle of get_input defaults"),null;o.set(c,"pending");let f;if(Object.hasOwn(e,c))f=e[c]??null;else if(y.hasDefault){let u={where:`input '${c}' default`,kind:"input"};V(y.default??null,u,a,s),f=z(y.default??null,u,a)}else y.required===!1?f=null:n.placeholders?f=Ol(y,t):(s.error("input.missing",`required input '${c}' has no value`,y.position,`pass it with -i ${c}=VALUE or give it a default`),f=null);return i[c]=f,o.set(c,"done"),f!==null&&!se(f)&&rm(c,y,f,t,s),f};for(let c of Object.keys(r))l(c);return i}function rm(r,e,t,s,n){let i=n.errorCount;if(Yr(t,e.type,s,`input '${r}'`,e.position,n),!(n.errorCount>i)){if(e.type==="list"&&e.itemType&&Array.isArray(t))for(let[o,a]of t.entries())Yr(a,e.itemType,s,`input '${r}' item ${o}`,e.position,n);for(let o of e.constraints??[])cl(o,t)||n.error("input.constraint",`input '${r}' value ${JSON.stringify(t)} violates constraint ${o.name}: ${JSON.stringify(o.argument)}`,o.position??e.position,`give '${r}' a value that satisfies ${o.name}`)}}function Ol(r,e){let t;switch(r.type){case"integer":t=1;break;case"float":t=1;break;case"boolean":t=!1;break;case"list":t=[];break;case"dict":t={};break;case"regex":t=".*";break;default:if(r.type&&e[r.type]){let s=e[r.type],n={};for(let[i,o]of Object.entries(s.properties))o.hasDefault?n[i]=o.default??null:o.required&&(n[i]=Ol(o,e));t=n}else t="placeholder"}return ul(r.constraints??[],t)}import{existsSync as sm,statSync as nm}from"node:fs";import Ue from"node:path";function Nl(r,e){if(!r)return{kind:"noop"};let t=r.indexOf(".");if(t>0){let s=r.slice(0,t);if(e[s])return{kind:"plugin",plugin:s,task:r.slice(t+1)};let n=s.lastIndexOf(H);if(n>0){let i=s.slice(n+H.length);if(e[i])return{kind:"plugin",plugin:i,task:r.slice(t+1)}}}return/\.[A-Za-z0-9]+$/.test(r)&&(r.includes("/")||!e[r.split(".")[0]])?{kind:"script",path:r}:{kind:"plugin",plugin:r.slice(0,Math.max(t,0))||r,task:r.slice(t+1)}}function im(r,e){let t=e.lastIndexOf(".");return r[e.slice(0,t)]?.[e.slice(t+1)]}function El(r,e,t,s){let n=Ue.dirname(Ue.resolve(r)),i=new Set,o=(a,l)=>{for(let[c,y]of Object.entries(a))for(let[f,u]of Object.entries(y)){let m=Nl(u.implementation,t);if(m.kind!=="script"||/^[a-z][a-z0-9+.-]*:\/\//i.test(m.path))continue;let d=`${l}\0${c}.${f}`;if(i.has(d))continue;i.add(d);let p=Ue.resolve(n,m.path),h=Ue.relative(n,p);h.startsWith("..")||Ue.isAbsolute(h)?s.error("operation.script-outside",`${l}: operation '${c}.${f}' runs '${m.path}', which is outside the blueprint's directory`,u.position,"keep scripts in the blueprint's directory (or below it)"):(!sm(p)||!nm(p).isFile())&&s.error("operation.script-not-found",`${l}: operation '${c}.${f}' runs '${m.path}', which is not a file of the blueprint`,u.position,`add ${m.path} next to the blueprint (paths are relative to ${Ue.basename(r)}'s directory), or name a declared plugin's task`)}};for(let[a,l]of Object.entries(e)){o(l.interfaces,`node '${a}'`);for(let c of l.relationships)o(c.sourceInterfaces,`node '${a}' relationship to '${c.target}'`),o(c.targetInterfaces,`node '${a}' relationship to '${c.target}'`)}}function om(r,e={}){let t=new Be,s=am(r,e,t);return t.hasErrors?{diagnostics:qr(t.items)}:{blueprint:s,diagnostics:qr(t.items)}}function am(r,e,t){let s=rl(r,e,t);if(s.length===0||t.items.some(_=>_.severity==="error"&&_.code.startsWith("import.")))return;let n=s[0],i=n.doc.tosca_definitions_version,o=typeof i=="string"&&i.startsWith("cloudify_dsl_")?i.slice(13):void 0;if(!o||!Mr.includes(o)){t.error("blueprint.version",i===void 0?"tosca_definitions_version is missing":`unsupported tosca_definitions_version ${JSON.stringify(i)}`,O(n.doc,"tosca_definitions_version")??{file:n.file,line:1,column:1},'start the blueprint with "tosca_definitions_version: cloudify_dsl_1_5" (1_3, 1_4 and 1_5 are supported)');return}let a=ol(s,t),l=a.sections,c=hl(l.data_types,t),y=gl(l.node_types,t),f=_l(l.relationships,t);Fn([...Object.values(c).map(_=>[`data type '${_.name}'`,_.properties]),...Object.values(y).map(_=>[`node type '${_.name}'`,_.properties]),...Object.values(f).map(_=>[`relationship '${_.name}'`,_.properties])],c,t);let u=Al(l.inputs,t);Fn([["input",u]],c,t);let m=$l(u,e.inputs??{},c,t,e),d=new Set(Object.keys(u)),p=wl(l.node_templates,{nodeTypes:y,relationshipTypes:f,dataTypes:c,inputValues:m,inputNames:d},t);l.node_templates.size===0&&s.length>0&&(n.doc.node_templates||t.warning("blueprint.no-nodes","the blueprint has no node_templates",{file:n.file,line:1,column:1}));let h={inputValue:_=>d.has(_)?{found:!0,value:m[_]??null}:{found:!1},nodeExists:_=>!!p[_]||l.node_templates.has(_),nodeProperty:(_,N)=>{let b=p[_];if(!b||N.length===0)return{found:!1};let E=b.properties;for(let j of N)E=E&&typeof E=="object"?E[String(j)]:void 0;return{found:!0,value:E??null}}},{scalingGroups:g,groups:k,policies:v}=vl(l.groups,l.policies,p,h,t),A=um(l.plugins,t);e.checkScripts!==!1&&El(r,p,A,t);let S={dslVersion:o,mainFile:n.file,metadata:a.metadata,inputs:u,inputValues:m,dataTypes:c,nodeTypes:y,relationshipTypes:f,plugins:A,nodeTemplates:p,workflows:fm(l.workflows,t),outputs:Tl(l.outputs,"output",h,t),capabilities:Tl(l.capabilities,"capability",h,t),scalingGroups:g,groups:k,policies:v,labels:lm(l.labels,h,t),blueprintLabels:cm(l.blueprint_labels),namespacesMapping:a.namespacesMapping,files:s.map(_=>_.file)};return a.description!==void 0&&(S.description=a.description),S}function lm(r,e,t){let s={};for(let n of r.values()){let i=n.value;if(!$(i)||!Array.isArray(i.values)){t.error("label.format",`label '${n.name}' needs a list of values`,n.position,`write "${n.name}: { values: [a, b] }"`);continue}let o={where:`label '${n.name}'`,kind:"other"};V(i.values,o,e,t),s[n.name]={...i,values:z(i.values,o,e)}}return s}function cm(r){let e={};for(let t of r.values())e[t.name]=t.value;return e}var Il=["executor","source","install","install_arguments","package_name","package_version","supported_platform","distribution","distribution_version","distribution_release","properties_description","properties"];function um(r,e){let t={};for(let s of r.values()){let n=s.value??{};if(!$(n)){e.error("plugin.format",`plugin '${s.name}' must be a mapping`,s.position);continue}for(let a of Object.keys(n))Il.includes(a)||e.error("plugin.unknown-key",`plugin '${s.name}' has unknown key '${a}'`,C(n,a),`valid keys: ${Il.join(", ")}`);let i=n.executor;i!==void 0&&i!=="central_deployment_agent"&&i!=="host_agent"&&e.error("plugin.executor",`plugin '${s.name}': executor must be central_deployment_agent or host_agent`,O(n,"executor"));let o={name:s.name,properties:$(n.properties)?n.properties:{}};typeof i=="string"&&(o.executor=i),typeof n.package_name=="string"&&(o.packageName=n.package_name),t[s.name]=o}return t}function fm(r,e){let t={};for(let s of r.values()){let n=s.value,i=typeof n=="string"?n:$(n)&&typeof n.mapping=="string"?n.mapping:void 0;if(!i){e.error("workflow.format",`workflow '${s.name}' needs a mapping (plugin.module.function)`,s.position,'write "my_workflow: { mapping: plugin.module.function }"');continue}let o=i.indexOf(".");t[s.name]={name:s.name,mapping:i,plugin:o>0?i.slice(0,o):i,parameters:$(n)?ge(n.parameters??null,`workflow '${s.name}' parameter`,e):{}}}return t}function Tl(r,e,t,s){let n={};for(let i of r.values()){let o=B(i.value,i.namespace);if(!$(o)||!Object.hasOwn(o,"value")){s.error(`${e}.format`,`${e} '${i.name}' needs a 'value'`,i.position,`write "${i.name}: { value: ... }"`);continue}for(let c of Object.keys(o))c!=="value"&&c!=="description"&&s.error(`${e}.unknown-key`,`${e} '${i.name}' has unknown key '${c}'`,C(o,c),"valid keys: value, description");let a={where:`${e} '${i.name}'`,kind:e==="output"?"output":"capability"};V(o.value??null,a,t,s);let l={value:z(o.value??null,a,t)};typeof o.description=="string"&&(l.description=o.description),i.position&&(l.position=i.position),n[i.name]=l}return n}var pm=Jn(Nn(),1);var Un=class extends G{name="FunctionEvaluationError";constructor(e){super("function.evaluation",e)}};function be(r){return r.map(e=>typeof e=="number"?e:String(e))}async function Kr(r,e){let t=J(r);if(t)return dm(t,e);if(Array.isArray(r))return Promise.all(r.map(s=>Kr(s,e)));if($(r)){let s={};for(let[n,i]of Object.entries(r))s[n]=await Kr(i,e);return s}return r}async function dm(r,e){let t=await Kr(r.args,e),s=Array.isArray(t)?t:[t],[n,...i]=s;switch(r.name){case"get_attribute":return e.attribute(String(n),be(i));case"get_attributes_list":return e.attributesList(String(n),be(i));case"get_attributes_dict":return e.attributesDict(String(n),be(i));case"get_property":return e.property(String(n),be(i));case"get_input":return e.input(String(n),be(i));case"get_secret":return e.secret(String(n),be(i));case"get_capability":case"get_group_capability":return e.capability(String(n),String(i[0]),be(i.slice(1)));case"get_environment_capability":return e.environmentCapability(String(n),be(i));case"get_sys":return e.sys(String(n),String(i[0]));case"get_label":return e.label(String(n),typeof i[0]=="number"?i[0]:void 0);case"concat":case"merge":case"string_find":case"string_replace":case"string_split":case"string_lower":case"string_upper":return Rn(r.name,t)}}function mm(r,e,t){let[s,...n]=t,i=String(s);return Object.hasOwn(r,i)?Ot(r[i]??null,n):Object.hasOwn(e,i)?Ot(e[i]??null,n):null}var ql=class extends G{constructor(t,s=!0,n){super("operation.failed",t,{...n,retryable:s});this.recoverable=s}recoverable;name="OperationError"},Cl=class extends G{constructor(t,s){super("operation.retry",t,{retryable:!0});this.afterSeconds=s}afterSeconds;name="RetryRequest"},Ll=class extends G{constructor(t){super("operation.child",`waiting for the driver: ${t.action} child deployment '${t.deploymentId}'`,{retryable:!0});this.request=t}request;name="ChildWorkRequest"};export{G as a,$t as b,Nn as c,At as d,$ as e,tl as f,Ot as g,kl as h,Nl as i,im as j,om as k,Un as l,Kr as m,mm as n,ql as o,Cl as p,Ll as q};
