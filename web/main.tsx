import './styles.css';
import { render } from 'preact';
import { App } from './app/App.tsx';
import { lang } from './app/i18n.ts';

document.documentElement.lang = lang.value === 'zh' ? 'zh-CN' : 'en';
const root = document.getElementById('app');
if (!root) throw new Error('#app is missing from index.html');
render(<App />, root);
