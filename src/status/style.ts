import { trusted } from './html.js';

/** The pages' only style sheet, inline: the pages load nothing from elsewhere. */
export const STYLE = trusted(`<style>
:root{--ok:#1b7f3b;--warn:#b26a00;--bad:#b3261e;--muted:#5f6368;font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
body{margin:0 auto;max-width:960px;padding:12px;line-height:1.5;color:#202124}
h1{font-size:1.3rem;margin:.2em 0}h2{font-size:1.1rem;margin:1.2em 0 .4em}
.countdown{font-size:1.1rem;font-weight:bold;padding:.6em .8em;background:#fef7e0;border-radius:8px}
.summary span{display:inline-block;margin:.2em .8em .2em 0}
form{margin:.6em 0}form input{width:7em;font-size:1rem}
ol.orgs{list-style:none;padding:0;margin:0}
ol.orgs>li{border:1px solid #dadce0;border-left:6px solid var(--muted);border-radius:6px;padding:.5em .8em;margin:.5em 0}
li.s-missing,li.s-incomplete{border-left-color:var(--bad)}li.s-late{border-left-color:var(--warn)}li.s-ok{border-left-color:var(--ok)}
.name{font-weight:bold;font-size:1.05rem}.region,.dates{color:var(--muted);font-size:.9rem}
.badge{float:right;font-size:.85rem;padding:0 .5em;border-radius:4px;background:#f1f3f4}
ul.findings{margin:.3em 0;padding-left:1.2em}
.chart svg{max-width:100%;height:auto}
table{border-collapse:collapse;margin:.4em 0;font-size:.9rem;display:block;overflow-x:auto}
th,td{border:1px solid #dadce0;padding:.2em .4em;text-align:left}td.num{text-align:right}
a{color:#1a73e8}
</style>`);
