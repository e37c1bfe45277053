import { registerCommands } from "./commands";

registerCommands();
